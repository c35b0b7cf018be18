using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Biaogan.Web.Infrastructure.Web;

namespace Biaogan.Web.Features.Notifications;

/// <summary>/api/inbox — the caller's own 站内信.</summary>
internal static class InboxApi
{
    public sealed record InboxItemDto(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

    public sealed record InboxDto(int Unread, int Total, IReadOnlyList<InboxItemDto> Items);

    public static void MapInboxApi(this WebApplication app)
    {
        var api = app.MapApi("/inbox", "站内信");
        api.MapGet("", ListAsync)
            .WithSummary("当前用户自己的站内信，最新的在前；skip/take 分页（take 最多 200，默认 50）");
        api.MapPost("/{id:guid}/read", ReadAsync)
            .WithSummary("把自己的一条站内信标为已读；不是自己的或不存在返回 404");
        api.MapPost("/read-all", ReadAllAsync)
            .WithSummary("把自己的全部站内信标为已读，返回标记的条数");
    }

    private static async Task<InboxDto> ListAsync(ClaimsPrincipal user, UserInbox inbox, int? skip, int? take, CancellationToken ct)
    {
        var me = Me(user);
        var items = await inbox.ListAsync(me, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, 200), ct);
        return new InboxDto(await inbox.UnreadCountAsync(me, ct), await inbox.CountAsync(me, ct), items.Select(ToDto).ToList());
    }

    public sealed record MarkedDto(int Marked);

    private static async Task<Results<Ok<InboxItemDto>, NotFoundProblem>> ReadAsync(Guid id, ClaimsPrincipal user, UserInbox inbox, CancellationToken ct) =>
        await inbox.OpenAsync(Me(user), id, ct) is { } item
            ? TypedResults.Ok(ToDto(item))
            : new NotFoundProblem("站内信不存在", "没有找到这条站内信，它可能不属于您。");

    private static async Task<Ok<MarkedDto>> ReadAllAsync(ClaimsPrincipal user, UserInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(new MarkedDto(await inbox.MarkAllReadAsync(Me(user), ct)));

    private static InboxItemDto ToDto(InboxItem i) => new(i.Id, i.Title, i.Body, i.Link, i.CreatedAt, i.ReadAt);

    private static string Me(ClaimsPrincipal user) => user.RequiredUserId();
}
