using Biaogan.Web.Features.Accounts;
using System.Security.Claims;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.OnSite;

/// <summary>
/// 现场评审 (第十九条): creates the visits of the shortlisted applications whose on-site team is formed (seeded with the
/// agreed document consensus), and carries every change — schedule, 待核实问题, scores, report, approvals — from the
/// pages and the API to the entity, checking who may make it and telling the people concerned.
/// </summary>
public sealed class SiteVisitWorkflow(AppDbContext db, SiteVisitReader reader, ApplicationNotices notices, Notifier notifier, TimeProvider clock,
    VisitNotices outcomes)
{
    public static string VisitPath(Guid applicationId) => $"/OnSite/Visit/{applicationId}";
    public static string SchedulePath(Guid applicationId) => $"/OnSite/Schedule/{applicationId}";

    public sealed record PrepareResult(int Created, IReadOnlyList<Guid> WithoutTeam, IReadOnlyList<Guid> WithoutConsensus);

    /// <summary>A visit for every shortlisted application that has an on-site team and none yet.</summary>
    public async Task<PrepareResult> PrepareAsync(Guid cycleId, CancellationToken ct)
    {
        var selected = await ShortlistQueries.SelectedAsync(db, cycleId, ct);
        if (selected.Count == 0)
            throw new DomainRuleException("评审委员会还没有确定现场评审入围名单，请先在“评审委员会入围评议”中确定。");
        if (await db.Set<Applications.Gates.GatePassage>().AnyAsync(p => p.CycleId == cycleId && p.Gate == Applications.Gates.StageGate.OnSite, ct))
            throw new DomainRuleException("现场评审阶段已经结束，不能再建立现场评审记录。");
        var existing = await db.Set<SiteVisit>().Where(v => selected.Contains(v.ApplicationId)).Select(v => v.ApplicationId).ToListAsync(ct);
        var teams = await db.Set<ExpertGroup>().AsNoTracking()
            .Where(g => g.CycleId == cycleId && g.Stage == ReviewStage.OnSite && selected.Contains(g.ApplicationId)).ToListAsync(ct);
        var withTeam = teams.Where(g => g.ActiveMembers.Any()).Select(g => g.ApplicationId).ToHashSet();
        var documentGroups = db.Set<ExpertGroup>().Where(g => g.CycleId == cycleId && g.Stage == ReviewStage.Document).Select(g => g.Id);
        var consensus = await db.Set<ConsensusSheet>().AsNoTracking()
            .Where(s => selected.Contains(s.ApplicationId) && s.Status == ConsensusStatus.Agreed && documentGroups.Contains(s.GroupId)).ToListAsync(ct);
        var versionIds = consensus.Select(c => c.CriteriaVersionId).Distinct().ToList();
        var versions = await db.Set<CriteriaVersion>().AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        var created = 0;
        var noTeam = new List<Guid>();
        var noConsensus = new List<Guid>();
        foreach (var appId in selected.Except(existing))
        {
            if (!withTeam.Contains(appId)) { noTeam.Add(appId); continue; }
            var sheet = consensus.Where(c => c.ApplicationId == appId).OrderByDescending(c => c.AgreedAt).FirstOrDefault();
            if (sheet is null) { noConsensus.Add(appId); continue; }
            var items = versions[sheet.CriteriaVersionId].Document.Items.Select(i => (i.Code, sheet.Item(i.Code)?.Percent));
            db.Add(new SiteVisit(cycleId, appId, sheet.CriteriaVersionId, items, clock.GetUtcNow()));
            created++;
        }
        await db.SaveChangesAsync(ct);
        return new PrepareResult(created, noTeam, noConsensus);
    }

    /// <summary>
    /// Loads the visit for a change by <paramref name="user"/>, with the version their form was drawn from; refuses with a
    /// rule message when their role may not make it; null (→ 404) when they may not see the visit at all.
    /// </summary>
    public async Task<SiteVisitView?> ForChangeAsync(ClaimsPrincipal user, Guid applicationId, int? version, Func<VisitRole, bool> allowed,
        string refusal, CancellationToken ct)
    {
        var view = await reader.ReadableAsync(user, applicationId, tracking: true, ct);
        if (view is null) return null;
        if (!allowed(view.Role)) throw new DomainRuleException(refusal);
        if (version is { } v) db.Entry(view.Visit).Property(x => x.Version).OriginalValue = v;
        return view;
    }

    public static bool Leads(VisitRole r) => r is VisitRole.Leader or VisitRole.Office;
    public static bool Team(VisitRole r) => r is VisitRole.Leader or VisitRole.Member or VisitRole.Office;

    public async Task<SiteVisitView?> ProposeScheduleAsync(ClaimsPrincipal user, Guid applicationId, int? version, DateOnly start, DateOnly end,
        IEnumerable<string> sites, IEnumerable<AgendaItem> agenda, CancellationToken ct)
    {
        var view = await ForChangeAsync(user, applicationId, version, Leads, "只有活动办公室或专家组组长可以安排现场评审日程。", ct);
        if (view is null) return null;
        var by = view.Role == VisitRole.Office ? "活动办公室" : $"现场评审专家组组长{view.Leader?.Name}";
        view.Visit.ProposeSchedule(start, end, sites, agenda, by, clock.GetUtcNow());
        var app = await AppAsync(applicationId, ct);
        await notices.ToOrganizationAsync(app, DefaultTemplates.OnSiteScheduleProposed, Values(view, ("提出人", by)), SchedulePath(applicationId), ct);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>The organisation agrees (the visit starts) or asks for a change with a comment.</summary>
    public async Task<SiteVisitView?> AnswerScheduleAsync(ClaimsPrincipal user, Guid applicationId, int? version, bool agree, string? comment,
        CancellationToken ct)
    {
        var view = await ForChangeAsync(user, applicationId, version, r => r == VisitRole.Organisation,
            "现场评审日程由申报组织确认或提出调整意见。", ct);
        if (view is null) return null;
        var now = clock.GetUtcNow();
        var office = await notices.OfficeUsersAsync(ct);
        var team = await reader.TeamUsersAsync(applicationId, ct);
        if (agree)
        {
            view.Visit.AgreeSchedule(now);
            var org = await notices.OrganizationUsersAsync(view.OrganizationId, ct);
            await outcomes.ScheduleAgreedAsync(view, Values(view), team.Concat(office), org, ct);
        }
        else
        {
            view.Visit.RequestScheduleChange(comment ?? "", now);
            var leader = team.Where(u => u.Id == view.Leader?.UserId);
            await notifier.NotifyAsync(DefaultTemplates.OnSiteScheduleChangeRequested, office.Concat(leader),
                Values(view, ("意见", view.Visit.ScheduleComment ?? "")), VisitPath(applicationId), ct);
        }
        await db.SaveChangesAsync(ct);
        return view;
    }

    public Task<SiteVisitView?> RaiseIssueAsync(ClaimsPrincipal user, Guid applicationId, int? version, string itemCode, string question,
        CancellationToken ct) => ChangeAsync(user, applicationId, version, Leads, "只有活动办公室或专家组组长可以列出待核实问题。",
        (v, by) => v.Visit.RaiseIssue(itemCode, question, by, clock.GetUtcNow()), ct);

    public Task<SiteVisitView?> WithdrawIssueAsync(ClaimsPrincipal user, Guid applicationId, int? version, Guid issueId, CancellationToken ct) =>
        ChangeAsync(user, applicationId, version, Leads, "只有活动办公室或专家组组长可以撤销待核实问题。", (v, _) => v.Visit.WithdrawIssue(issueId), ct);

    public Task<SiteVisitView?> CloseIssueAsync(ClaimsPrincipal user, Guid applicationId, int? version, Guid issueId, IssueOutcome outcome,
        int? toPercent, string? interview, string? documents, CancellationToken ct) =>
        ChangeAsync(user, applicationId, version, Team, "只有现场评审专家组成员或活动办公室可以记录核实结果。",
            (v, by) => v.Visit.CloseIssue(issueId, outcome, toPercent, interview ?? "", documents ?? "", by, clock.GetUtcNow()), ct);

    /// <summary>The 组长 records the on-site percentages (with reasons), the problems found and the opinion in one save; items
    /// without a percentage, and an opinion or problems left out, stay as recorded.</summary>
    public Task<SiteVisitView?> RecordAsync(ClaimsPrincipal user, Guid applicationId, int? version,
        IReadOnlyList<(string ItemCode, int? Percent, string? Reason)> items, string? opinion, IEnumerable<string>? problems, CancellationToken ct) =>
        ChangeAsync(user, applicationId, version, Leads, "现场评分和现场评审意见由专家组组长记录。", (v, _) =>
        {
            foreach (var (code, percent, reason) in items)
            {
                if (percent is not { } p) continue;
                var item = v.Visit.Item(code);
                if (item is not null && item.Percent == p && item.Reason == (reason ?? "").Trim()) continue;
                v.Visit.ScoreItem(code, p, reason ?? "");
            }
            // Left out (null): kept as recorded.
            v.Visit.RecordReport(opinion ?? v.Visit.Opinion, problems ?? v.Visit.ProblemList);
        }, ct);

    public async Task<SiteVisitView?> ApproveAsLeaderAsync(ClaimsPrincipal user, Guid applicationId, int? version, CancellationToken ct)
    {
        var view = await ChangeAsync(user, applicationId, version, r => r == VisitRole.Leader, "现场评审报告由专家组组长确认。",
            (v, _) => v.Visit.ApproveAsLeader(user.RequiredUserId(), clock.GetUtcNow()), ct, save: false);
        if (view is null) return null;
        await notices.ToOfficeAsync(DefaultTemplates.OnSiteLeaderApproved, Values(view), VisitPath(applicationId), ct);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>The office approves: the document and on-site scores (points) are computed from the two sets of percentages.</summary>
    public async Task<SiteVisitView?> ApproveByOfficeAsync(ClaimsPrincipal user, Guid applicationId, int? version, CancellationToken ct)
    {
        var view = await ChangeAsync(user, applicationId, version, r => r == VisitRole.Office, "现场评审报告由活动办公室确认。", (v, _) =>
        {
            var (document, onSite) = OnSiteScoring.Points(v.Visit, v.Criteria);
            v.Visit.ApproveByOffice(user.RequiredUserId(), document, onSite, clock.GetUtcNow());
        }, ct, save: false);
        if (view is null) return null;
        await outcomes.ApprovedByOfficeAsync(view, ct);
        await db.SaveChangesAsync(ct);
        return view;
    }

    public async Task<SiteVisitView?> ReturnAsync(ClaimsPrincipal user, Guid applicationId, int? version, string? reason, CancellationToken ct)
    {
        var view = await ChangeAsync(user, applicationId, version, r => r == VisitRole.Office, "只有活动办公室可以退回现场评审报告。",
            (v, _) => v.Visit.Return(reason ?? ""), ct, save: false);
        if (view is null) return null;
        await notifier.NotifyAsync(DefaultTemplates.OnSiteReturned, await reader.TeamUsersAsync(applicationId, ct),
            Values(view, ("理由", (reason ?? "").Trim())), VisitPath(applicationId), ct);
        await db.SaveChangesAsync(ct);
        return view;
    }

    public async Task<SiteVisitView?> ReleaseAsync(ClaimsPrincipal user, Guid applicationId, int? version, CancellationToken ct)
    {
        var view = await ChangeAsync(user, applicationId, version, r => r == VisitRole.Office, "只有活动办公室可以发送现场评审报告。",
            (v, _) => v.Visit.Release(clock.GetUtcNow()), ct, save: false);
        if (view is null) return null;
        await notices.ToOrganizationAsync(await AppAsync(applicationId, ct), DefaultTemplates.OnSiteReportReleased,
            Values(view, ("年度", $"{view.Year}年度")), SchedulePath(applicationId), ct);
        await db.SaveChangesAsync(ct);
        return view;
    }

    private async Task<SiteVisitView?> ChangeAsync(ClaimsPrincipal user, Guid applicationId, int? version, Func<VisitRole, bool> allowed,
        string refusal, Action<SiteVisitView, string> change, CancellationToken ct, bool save = true)
    {
        var view = await ForChangeAsync(user, applicationId, version, allowed, refusal, ct);
        if (view is null) return null;
        change(view, await ActorAsync(user, view, ct));
        if (save) await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>How the record names who acted: 活动办公室, or the team member by name and part.</summary>
    private async Task<string> ActorAsync(ClaimsPrincipal user, SiteVisitView v, CancellationToken ct)
    {
        if (v.Role == VisitRole.Office) return "活动办公室";
        var id = user.UserId();
        var name = v.Team.FirstOrDefault(t => t.UserId == id)?.Name
                   ?? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        return v.Role == VisitRole.Leader ? $"{name}（组长）" : $"{name}（组员）";
    }

    private Task<Application> AppAsync(Guid applicationId, CancellationToken ct) =>
        db.Set<Application>().AsNoTracking().FirstAsync(a => a.Id == applicationId, ct);

    private static Dictionary<string, string> Values(SiteVisitView v, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string>
        {
            ["组织名称"] = v.Organization, ["申报编号"] = v.Number ?? "", ["日期"] = OnSiteText.Dates(v.Visit),
            ["地点"] = string.Join("；", v.Visit.Sites),
        };
        foreach (var (k, val) in extra) values[k] = val;
        return values;
    }
}
