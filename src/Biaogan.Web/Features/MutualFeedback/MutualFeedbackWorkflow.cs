using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>A reviewer of the on-site team.</summary>
public sealed record TeamMember(Guid ReviewerId, string Name, string? UserId, GroupRole Role);

/// <summary>An on-site visit open for two-way feedback: the organisation, the team, and the deadline in working days.</summary>
public sealed record FeedbackVisit(Guid CycleId, Guid ApplicationId, Guid OrganizationId, string? Number, string Organization,
    DateOnly VisitedOn, DateOnly DueDate, bool DueConfirmed, IReadOnlyList<TeamMember> Team)
{
    /// <summary>The agreed schedule's first day, when there is one: no rating before it.</summary>
    public DateOnly? StartsOn { get; init; }
}

/// <summary>
/// 双向监督反馈 (第三十条): once the 组长 has approved the 现场评审报告 (the visit is over), the organisation rates each reviewer
/// of the on-site team and each reviewer rates the organisation, within <see cref="CycleSettings.MutualFeedbackWorkdays"/>
/// working days. Ratings reach the office only; they are locked once submitted; the office may reopen one with a reason.
/// </summary>
public sealed class MutualFeedbackWorkflow(AppDbContext db, TimeProvider clock, WorkingDayCalendar calendar, Notifier notifier,
    UserManager<AppUser> users)
{
    /// <summary>The visits whose report the 组长 has approved, in <paramref name="applicationIds"/> (all when null) of <paramref name="cycleId"/> (any when null).</summary>
    public async Task<IReadOnlyList<FeedbackVisit>> VisitsAsync(Guid? cycleId, IReadOnlyCollection<Guid>? applicationIds, CancellationToken ct)
    {
        var q = db.Set<SiteVisit>().AsNoTracking().Where(v => v.LeaderApprovedAt != null
            && (v.Status == SiteVisitStatus.LeaderApproved || v.Status == SiteVisitStatus.OfficeApproved || v.Status == SiteVisitStatus.Released));
        if (cycleId is { } c) q = q.Where(v => v.CycleId == c);
        if (applicationIds is not null) q = q.Where(v => applicationIds.Contains(v.ApplicationId));
        var visits = await q.ToListAsync(ct);
        if (visits.Count == 0) return [];
        var ids = visits.Select(v => v.ApplicationId).ToList();
        var apps = await (from a in db.Set<Application>().AsNoTracking()
                          join o in db.Set<Organization>().AsNoTracking() on a.OrganizationId equals o.Id
                          where ids.Contains(a.Id)
                          select new { a.Id, a.Number, a.OrganizationId, o.Name, a.ServiceName }).ToDictionaryAsync(a => a.Id, ct);
        var groups = await db.Set<ExpertGroup>().AsNoTracking().Include(g => g.Members)
            .Where(g => g.Stage == ReviewStage.OnSite && ids.Contains(g.ApplicationId)).ToListAsync(ct);
        var reviewerIds = groups.SelectMany(g => g.ActiveMembers).Select(m => m.ReviewerId).Distinct().ToList();
        var profiles = await db.Set<ReviewerProfile>().AsNoTracking().Where(p => reviewerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.Name, p.UserId), ct);
        var cycles = await db.Set<Cycle>().AsNoTracking().Where(x => visits.Select(v => v.CycleId).Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var result = new List<FeedbackVisit>();
        foreach (var v in visits)
        {
            var a = apps[v.ApplicationId];
            // The visit ends on the agreed schedule's last day; without a schedule, on the day the 组长 approved the report.
            var visitedOn = v.EndDate ?? DateOnly.FromDateTime(v.LeaderApprovedAt!.Value.ToChina().DateTime);
            var due = await calendar.AddWorkdaysAsync(visitedOn, cycles[v.CycleId].Settings.MutualFeedbackWorkdays, countStart: false, ct);
            var team = groups.Where(g => g.ApplicationId == v.ApplicationId).SelectMany(g => g.ActiveMembers)
                .Where(m => profiles.ContainsKey(m.ReviewerId))
                .OrderByDescending(m => m.Role).ThenBy(m => profiles[m.ReviewerId].Name)
                .Select(m => new TeamMember(m.ReviewerId, profiles[m.ReviewerId].Name, profiles[m.ReviewerId].UserId, m.Role)).ToList();
            var name = a.ServiceName is { Length: > 0 } s ? $"{a.Name}（{s}）" : a.Name;
            result.Add(new FeedbackVisit(v.CycleId, v.ApplicationId, a.OrganizationId, a.Number, name, visitedOn, due.End, due.Confirmed, team)
                { StartsOn = v.StartDate });
        }
        return result.OrderBy(r => r.VisitedOn).ThenBy(r => r.Organization).ToList();
    }

    public async Task<FeedbackVisit?> VisitAsync(Guid applicationId, CancellationToken ct) =>
        (await VisitsAsync(null, [applicationId], ct)).FirstOrDefault();

    /// <summary>The visits of the user's organisation (an applicant's).</summary>
    public async Task<IReadOnlyList<FeedbackVisit>> ForOrganizationAsync(Guid organizationId, CancellationToken ct)
    {
        var ids = await db.Set<Application>().AsNoTracking().Where(a => a.OrganizationId == organizationId).Select(a => a.Id).ToListAsync(ct);
        return ids.Count == 0 ? [] : await VisitsAsync(null, ids, ct);
    }

    /// <summary>The visits whose on-site team the reviewer (by profile) sits in.</summary>
    public async Task<IReadOnlyList<FeedbackVisit>> ForReviewerAsync(Guid reviewerId, CancellationToken ct)
    {
        var ids = await db.Set<GroupMember>().AsNoTracking()
            .Where(m => m.ReviewerId == reviewerId && (m.Status == MemberStatus.Assigned || m.Status == MemberStatus.Declared))
            .Join(db.Set<ExpertGroup>().Where(g => g.Stage == ReviewStage.OnSite), m => m.GroupId, g => g.Id, (m, g) => g.ApplicationId)
            .ToListAsync(ct);
        return ids.Count == 0 ? [] : await VisitsAsync(null, ids, ct);
    }

    public Task<Guid?> ProfileOfAsync(string userId, CancellationToken ct) =>
        db.Set<ReviewerProfile>().AsNoTracking().Where(p => p.UserId == userId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>Ratings of the given applications in one direction (for the author's own view, or the office).</summary>
    public Task<List<MutualRating>> RatingsAsync(IReadOnlyCollection<Guid> applicationIds, FeedbackDirection direction, CancellationToken ct) =>
        db.Set<MutualRating>().AsNoTracking().Where(r => applicationIds.Contains(r.ApplicationId) && r.Direction == direction).ToListAsync(ct);

    /// <summary>An organisation user rates one reviewer of the on-site team.</summary>
    public async Task<MutualRating> RateReviewerAsync(AppUser author, Guid applicationId, Guid reviewerId, IReadOnlyDictionary<string, int> answers,
        string? comments, CancellationToken ct)
    {
        var visit = await VisitAsync(applicationId, ct);
        if (visit is null || author.OrganizationId != visit.OrganizationId)
            throw new DomainRuleException("该申报的现场评审尚未结束，或不是本组织的申报，暂不能评价。");
        var member = visit.Team.FirstOrDefault(m => m.ReviewerId == reviewerId)
            ?? throw new DomainRuleException("该评审员不在本次现场评审专家组中。");
        var rating = await SaveAsync(visit, FeedbackDirection.OrganizationRatesReviewer, reviewerId, author.Id, answers, comments, ct);
        await NotifyOfficeAsync(visit, $"组织评价评审员 {member.Name}", ct);
        await SaveOnceAsync(ct);
        return rating;
    }

    /// <summary>A reviewer of the on-site team rates the organisation's conduct.</summary>
    public async Task<MutualRating> RateOrganizationAsync(AppUser author, Guid applicationId, IReadOnlyDictionary<string, int> answers, string? comments,
        CancellationToken ct)
    {
        var visit = await VisitAsync(applicationId, ct);
        var member = visit?.Team.FirstOrDefault(m => m.UserId == author.Id);
        if (visit is null || member is null) throw new DomainRuleException("您不在该申报的现场评审专家组中，或现场评审尚未结束，暂不能评价。");
        var rating = await SaveAsync(visit, FeedbackDirection.ReviewerRatesOrganization, member.ReviewerId, author.Id, answers, comments, ct);
        await NotifyOfficeAsync(visit, $"评审员 {member.Name} 评价组织", ct);
        await SaveOnceAsync(ct);
        return rating;
    }

    /// <summary>The office reopens a submitted rating, with a reason; the author is told.</summary>
    public async Task<MutualRating> ReopenAsync(Guid ratingId, string? reason, CancellationToken ct)
    {
        var rating = await db.Set<MutualRating>().FirstOrDefaultAsync(r => r.Id == ratingId, ct)
            ?? throw new DomainRuleException("未找到该评价，请刷新页面。");
        rating.Reopen(reason ?? "", clock.GetUtcNow());
        var visit = await VisitAsync(rating.ApplicationId, ct);
        var author = await users.FindByIdAsync(rating.AuthorUserId);
        if (author is not null && visit is not null)
        {
            var subject = rating.Direction == FeedbackDirection.OrganizationRatesReviewer
                ? "评审员 " + (visit.Team.FirstOrDefault(m => m.ReviewerId == rating.ReviewerId)?.Name ?? "")
                : visit.Organization;
            var link = rating.Direction == FeedbackDirection.OrganizationRatesReviewer
                ? $"/MutualFeedback/Rate/{rating.ApplicationId}/{rating.ReviewerId}" : $"/MutualFeedback/RateOrganization/{rating.ApplicationId}";
            await notifier.NotifyAsync(DefaultTemplates.MutualFeedbackReopened, [author], new Dictionary<string, string>
            {
                ["组织名称"] = visit.Organization, ["评价对象"] = subject, ["理由"] = rating.ReopenReason ?? "",
            }, link, ct);
        }
        await db.SaveChangesAsync(ct);
        return rating;
    }

    private async Task<MutualRating> SaveAsync(FeedbackVisit visit, FeedbackDirection direction, Guid reviewerId, string authorId,
        IReadOnlyDictionary<string, int> answers, string? comments, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        // 第三十条 rates the conduct seen during the visit: not before its first day (China Standard Time).
        if (visit.StartsOn is { } first && today < first)
            throw new DomainRuleException($"现场评审定于 {ChinaTime.Format(first)} 开始，开始之前不能提交评价。");
        var rating = await db.Set<MutualRating>().FirstOrDefaultAsync(
            r => r.ApplicationId == visit.ApplicationId && r.Direction == direction && r.ReviewerId == reviewerId, ct);
        if (rating is null)
            db.Add(rating = new MutualRating(visit.CycleId, visit.ApplicationId, direction, reviewerId, authorId, visit.DueDate, answers, comments, now, today));
        else rating.Resubmit(authorId, answers, comments, now, today);
        return rating;
    }

    /// <summary>Two people of one organisation submitting the same rating at once: the unique index keeps the first.</summary>
    private async Task SaveOnceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainRuleException("该评价刚刚已由他人提交并锁定，请刷新页面查看。如确需修改，请联系活动办公室重新开放。");
        }
    }

    private async Task NotifyOfficeAsync(FeedbackVisit visit, string direction, CancellationToken ct) =>
        await notifier.NotifyAsync(DefaultTemplates.MutualFeedbackSubmitted, await users.GetUsersInRoleAsync(Roles.Office),
            new Dictionary<string, string> { ["组织名称"] = visit.Organization, ["申报编号"] = visit.Number ?? "", ["方向"] = direction },
            $"/MutualFeedback/Application/{visit.ApplicationId}", ct);
}
