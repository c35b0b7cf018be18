using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>批量发送通知 to reviewers in the API: GET the recipients of a filter, then POST the message to the previewed profiles.</summary>
public static class ReviewerBulkMessageApi
{
    public sealed record RecipientsPage(string Filter, int WithoutAccount, IReadOnlyList<ReviewerBulkMessage.Recipient> Recipients);

    public sealed record MessageRequest(IReadOnlyList<Guid>? ProfileIds, string? Subject, string? Body, string? Filter);

    public sealed record MessageSent(int Recipients, string Message);

    public static void MapReviewerBulkMessageApi(this RouteGroupBuilder api)
    {
        api.MapGet("/message-recipients", PreviewAsync).RequireAuthorization(Policies.Office)
            .WithSummary("向评审员批量发送通知前预览收件人：筛选参数同评审员列表（status、industry、province、eligibility、q），返回有系统账号的评审员（活动办公室）");
        api.MapPost("/messages", SendAsync).RequireAuthorization(Policies.Office)
            .WithSummary("向预览过的评审员（profileIds）发送站内信和电子邮件（subject ≤100字，body ≤4000字；记入审计日志；活动办公室）");
    }

    private static async Task<Results<Ok<RecipientsPage>, ValidationProblem>> PreviewAsync([Microsoft.AspNetCore.Http.AsParameters] ReviewerFilter filter,
        ReviewerBulkMessage messages, CancellationToken ct)
    {
        if (filter.Errors() is { Count: > 0 } errors) return ApiValidation.Problem(errors);
        var preview = await messages.PreviewAsync(filter, ct);
        return TypedResults.Ok(new RecipientsPage(filter.Describe(), preview.WithoutAccount, preview.Recipients));
    }

    private static async Task<Results<Ok<MessageSent>, ValidationProblem>> SendAsync(MessageRequest request, ReviewerBulkMessage messages, CancellationToken ct)
    {
        var errors = Validate(request.Subject, request.Body);
        if (request.ProfileIds is not { Count: > 0 })
            errors["profileIds"] = ["请填写 profileIds：先用 GET /api/reviewers/message-recipients 预览，再把其中的评审员档案 id（profileId）传来。"];
        if ((request.Filter?.Length ?? 0) > 500) errors["filter"] = ["筛选条件说明不能超过500个字。"];
        if (errors.Count > 0) return ApiValidation.Problem(errors);
        var sent = await messages.SendAsync(request.ProfileIds!, request.Subject!.Trim(), request.Body!.Trim(), request.Filter ?? "", ct);
        return TypedResults.Ok(new MessageSent(sent, $"已向 {sent} 名评审员发送通知（站内信和电子邮件）。"));
    }

    /// <summary>The title and text rules, shared with the page.</summary>
    public static Dictionary<string, string[]> Validate(string? subject, string? body)
    {
        var errors = new Dictionary<string, string[]>();
        subject = subject?.Trim() ?? "";
        body = body?.Trim() ?? "";
        if (subject.Length == 0) errors["subject"] = ["请填写通知标题。"];
        else if (subject.Length > 100) errors["subject"] = ["通知标题不能超过100个字。"];
        if (body.Length == 0) errors["body"] = ["请填写通知正文。"];
        else if (body.Length > 4000) errors["body"] = ["通知正文不能超过4000个字，请精简后再发送。"];
        return errors;
    }
}
