using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Organizations;

/// <summary>
/// Changes to organisations and recommending bodies: the applicant's own profile, the body's contact person, and the
/// office's review of a self-registered body. Each checks the version the form showed and saves (docs/decisions/0028).
/// </summary>
public sealed class OrganizationWorkflow(AppDbContext db, Notifier notifier, TimeProvider clock)
{
    public Task SaveProfileAsync(Organization org, int postedVersion, OrganizationForm form, CancellationToken ct) =>
        db.SaveWithVersionAsync(org, postedVersion, form.ApplyTo, ct);

    public Task SaveContactAsync(RecommendingBody body, int postedVersion, string name, string phone, string email, CancellationToken ct) =>
        db.SaveWithVersionAsync(body, postedVersion, b =>
        {
            b.ContactName = name.Trim();
            b.ContactPhone = phone.Trim();
            b.ContactEmail = email.Trim();
        }, ct);

    /// <summary>The office approves a self-registered body; its users are notified.</summary>
    public async Task<RecommendingBody> ApproveBodyAsync(Guid id, int postedVersion, CancellationToken ct)
    {
        var body = await FindBodyAsync(id, ct);
        if (body.Version != postedVersion) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        body.Approve(clock.GetUtcNow());
        await NotifyAsync(body, DefaultTemplates.RecommenderApproved, new() { ["推荐单位"] = body.Name }, ct);
        await db.SaveWithVersionAsync(body, postedVersion, ct);
        return body;
    }

    /// <summary>The office rejects a self-registered body with a reason; its users are notified.</summary>
    public async Task<RecommendingBody> RejectBodyAsync(Guid id, int postedVersion, string reason, CancellationToken ct)
    {
        var body = await FindBodyAsync(id, ct);
        if (body.Version != postedVersion) throw new DbUpdateConcurrencyException(DomainRuleFilter.ConcurrencyMessage);
        body.Reject(reason, clock.GetUtcNow());
        await NotifyAsync(body, DefaultTemplates.RecommenderRejected, new() { ["推荐单位"] = body.Name, ["理由"] = body.RejectionReason! }, ct);
        await db.SaveWithVersionAsync(body, postedVersion, ct);
        return body;
    }

    private async Task<RecommendingBody> FindBodyAsync(Guid id, CancellationToken ct) =>
        await db.Set<RecommendingBody>().FirstOrDefaultAsync(b => b.Id == id, ct)
            ?? throw new DomainRuleException("找不到该推荐单位，请刷新页面后重试。");

    private async Task NotifyAsync(RecommendingBody body, string template, Dictionary<string, string> values, CancellationToken ct)
    {
        var recipients = await db.Users.Where(u => u.RecommendingBodyId == body.Id).ToListAsync(ct);
        await notifier.NotifyAsync(template, recipients, values, "/Organizations/Body", ct);
    }
}
