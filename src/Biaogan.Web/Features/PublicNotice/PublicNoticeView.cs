using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>A correction notice as the public sees it: the date (China time) and the text.</summary>
public sealed record PublicCorrection(string Date, string Text);

/// <summary>One organisation as the public sees it: no scores, no ranks beyond the list order.</summary>
public sealed record PublicNoticeEntry(Guid ApplicationId, string OrganizationName, string Category, string? ServiceName, string Description);

/// <summary>
/// Everything the public page and its JSON show of a notice — and nothing else (no scores, no objections, no
/// reviewer or committee names). Removed organisations appear only by name under “经核查已撤销推荐”.
/// </summary>
public sealed record PublicNoticeView(Guid Id, int Year, string Title, string Text, string Status, DateOnly StartDate, DateOnly EndDate,
    int Workdays, string Period, string ObjectionDeadline, bool AcceptsObjections, string PostalAddress, string Phone, string Email,
    string IssuedBy, string PublishedOn, IReadOnlyList<PublicNoticeEntry> Entries, IReadOnlyList<string> Withdrawn)
{
    /// <summary>更正说明 of the published notice, oldest first, each with its date (China time).</summary>
    public IReadOnlyList<PublicCorrection> Corrections { get; init; } = [];

    /// <summary>Why the 公示期 is not 第二十一条's 7 working days (null when it is).</summary>
    public string? WorkdaysReason { get; init; }

    public const string AnonymousRule = "不受理匿名异议。以单位名义提出的，须写明单位名称和联系人；以个人名义提出的，须签署真实姓名并提供身份证号码后四位，同时留下联系电话。";

    public static PublicNoticeView From(PublicNotice n, DateTimeOffset now)
    {
        var phase = n.PhaseAt(now);
        return new PublicNoticeView(n.Id, n.Year, n.Title, n.Text, PublicNotice.PhaseDisplay(phase), n.StartDate!.Value, n.EndDate!.Value,
            n.Workdays, n.PeriodText, n.DeadlineText, phase == NoticePhase.Open, n.PostalAddress, n.Phone, n.Email, n.IssuedBy,
            n.PublishedAt is { } p ? ChinaTime.Format(DateOnly.FromDateTime(p.ToChina().DateTime)) : ChinaTime.Format(n.StartDate!.Value),
            n.Listed.Select(e => new PublicNoticeEntry(e.ApplicationId, e.OrganizationName, Cycle.CategoryDisplay(e.Category), e.ServiceName, e.Description)).ToList(),
            n.Entries.Where(e => e.Removed).OrderBy(e => e.Order).Select(e => e.OrganizationName).ToList())
        {
            Corrections = n.Corrections.OrderBy(c => c.At).Select(c => new PublicCorrection(ChinaTime.Format(c.At), c.Text)).ToList(),
            WorkdaysReason = n.WorkdaysReason,
        };
    }

    /// <summary>The latest published notice, or a given one if it is published.</summary>
    public static async Task<PublicNotice?> FindAsync(AppDbContext db, Guid? id, CancellationToken ct = default)
    {
        var q = db.Set<PublicNotice>().AsNoTracking().Where(n => n.Status == NoticeStatus.Published);
        if (id is { } g) q = q.Where(n => n.Id == g);
        return await q.OrderByDescending(n => n.Year).FirstOrDefaultAsync(ct);
    }
}

/// <summary>The notice as anonymous JSON (cached like the page).</summary>
public static class PublicNoticeApi
{
    public static void MapPublicNoticeApi(this WebApplication app)
    {
        var g = app.MapGroup("/api/public/notices").AllowAnonymous().WithTags("公开信息").CacheOutput(WebModule.PublicPagePolicy);
        g.MapGet("/current", async Task<Results<Ok<PublicNoticeView>, NotFound>> (AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            await PublicNoticeView.FindAsync(db, null, ct) is { } n ? TypedResults.Ok(PublicNoticeView.From(n, clock.GetUtcNow())) : TypedResults.NotFound())
            .WithSummary("当前公示（推荐获奖组织名单、公示期、异议受理方式）");
        g.MapGet("/{id:guid}", async Task<Results<Ok<PublicNoticeView>, NotFound>> (Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            await PublicNoticeView.FindAsync(db, id, ct) is { } n ? TypedResults.Ok(PublicNoticeView.From(n, clock.GetUtcNow())) : TypedResults.NotFound())
            .WithSummary("指定的公示");
    }
}
