using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Conflicts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Features.StageReports;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Progress;

/// <summary>What waits for each role, read from the stages' own records (the 待办 page).</summary>
public sealed class TodoQueries(AppDbContext db, IApplicationProgress progress, ReviewerTasks reviewerTasks, StageReportWorkflow stageReports,
    Commitments.CommitmentRecords commitments, Sharing.SharingRecords sharing, TimeProvider clock)
{
    /// <summary>活动办公室: the current cycle's applications per stage and the queues only the office works.</summary>
    public async Task<(IReadOnlyList<StageCount> Stages, IReadOnlyList<TodoItem> Items)> OfficeAsync(Cycle cycle, CancellationToken ct)
    {
        var ids = await db.Set<Application>().Where(a => a.CycleId == cycle.Id).Select(a => a.Id).ToListAsync(ct);
        var standings = await progress.StandingsAsync(ids, ct);
        var stages = standings.Values.GroupBy(s => s.Stage).OrderBy(g => g.Key)
            .Select(g => new StageCount(g.Key.Display(), g.Count())).ToList();
        var items = new List<TodoItem>
        {
            new("待资格审查的申报", await db.Set<Application>().CountAsync(a => a.CycleId == cycle.Id && a.Status == ApplicationStatus.AwaitingQualification, ct), "/Qualification"),
            new("待确认的利益冲突", await db.Set<ConflictCase>().CountAsync(c => c.CycleId == cycle.Id && c.Status == ConflictStatus.Pending, ct), "/Conflicts"),
            new("组长已确认、待办公室确认的现场评审报告", await db.Set<SiteVisit>().CountAsync(v => v.CycleId == cycle.Id && v.Status == SiteVisitStatus.LeaderApproved, ct), "/OnSite"),
            new("未办结的公示异议", await (from o in db.Set<Objection>()
                                             join n in db.Set<PublicNotice.PublicNotice>() on o.NoticeId equals n.Id
                                             where n.CycleId == cycle.Id && o.Status != ObjectionStatus.Concluded
                                             select o.Id).CountAsync(ct), "/PublicNotice"),
            new("评审员被暂停或撤销资格、待补充的专家组席位", await Discipline.SeatRefills.OpenCountAsync(db, cycle.Id, ct), Discipline.SeatRefills.Link),
            new("待领导小组审议的处分建议", await db.Set<Discipline.OrganizationSanction>().CountAsync(s => s.CycleId == cycle.Id && s.Status == Discipline.SanctionStatus.Proposed, ct), "/Discipline"),
            // 第二十三条: benchmarks of any year whose yearly progress report is overdue
            new("逾期未提交的获奖组织年度进展报告", (await commitments.OverdueAsync(ct)).Count, "/Commitments#overdue"),
            // 第二十五条: benchmark practices the winners submitted for publication
            new("待审核的经验案例", await db.Set<Sharing.BenchmarkPractice>().CountAsync(p => p.Status == Sharing.PracticeStatus.Submitted, ct), "/Sharing#review-queue"),
        };
        // 第十七至二十二条: the applications whose status waits for the office's next step, counted per step.
        items.AddRange(standings.Values.Select(StandingRules.OfficeStep).Where(x => x is not null).Select(x => x!.Value)
            .GroupBy(x => x).Select(g => new TodoItem(g.Key.Title, g.Count(), g.Key.Link)));
        foreach (var kind in Enum.GetValues<StageReportKind>())
            if (await stageReports.ViewAsync(cycle.Id, kind, ct) is { } view && (view.Stale || !view.Deliberated))
                items.Add(new(view.Stale ? $"{kind.Display()}：数据已变化，待重新生成" : $"{kind.Display()}：委员审议中，尚未审议 {view.Missing.Count} 位",
                    view.Stale ? 1 : view.Missing.Count, StageReportWorkflow.Link(cycle.Id, kind),
                    view.Report.DueOn is { } due ? ChinaTime.EndOfDay(due) : null));
        return (stages, items.Where(i => i.Count > 0).ToList());
    }

    /// <summary>评审员: declarations to make and score sheets or visits to work on, with the due date of each sheet.</summary>
    public async Task<IReadOnlyList<TodoItem>> ReviewerAsync(string userId, CancellationToken ct)
    {
        var tasks = await reviewerTasks.MineAsync(userId, ct);
        // 第二十四条: seats in the confirmation groups of open rounds, by the opinion deadline.
        var confirmation = (await Confirmation.SeatViews.MineAsync(db, userId, ct)).Where(s => !s.OpinionSubmitted).Select(s => new TodoItem(
            s.StatusText == Confirmation.ConfirmationSeat.StatusDisplay(Confirmation.SeatStatus.Assigned)
                ? $"获奖三年确认组：签署声明（{s.Organization}）" : $"获奖三年确认组{(s.IsLeader ? "（组长）" : "")}：提交意见（{s.Organization}）",
            1, $"/Confirmation/Seat/{s.Id}", s.OpinionDueOn is { } d ? ChinaTime.EndOfDay(d) : null));
        return tasks.Where(t => t.NextLink is not null).Select(t => new TodoItem(
                t.Status == MemberStatus.Assigned ? $"签署承诺与利益冲突声明：{t.ApplicationNumber}"
                : t.Stage == ReviewStage.Document ? (t.Role == GroupRole.Leader ? $"资料评审评分与一致性评分（组长）：{t.ApplicationNumber}" : $"资料评审评分：{t.ApplicationNumber}")
                : $"现场评审：{t.ApplicationNumber}",
                1, t.NextLink!, t.DueOn is { } d ? ChinaTime.EndOfDay(d) : null,
                t.DueOn is not null && !t.DueOnConfirmed ? "截止日期跨年，待节假日安排公布后确认" : null))
            .Concat(confirmation).ToList();
    }

    /// <summary>评审委员会委员: 入围评议 and 综合评价 still being deliberated in which the member has not voted on every application.</summary>
    public async Task<IReadOnlyList<TodoItem>> ReviewCommitteeAsync(Cycle cycle, string userId, CancellationToken ct)
    {
        var shortlists = await db.Set<ShortlistDecision>().AsNoTracking().Where(d => d.CycleId == cycle.Id && d.Status == ShortlistStatus.Deliberating).ToListAsync(ct);
        var shortlistVoted = await db.Set<ShortlistVote>().Where(v => v.CycleId == cycle.Id && v.MemberId == userId).CountAsync(ct);
        // 综合评价 opens as soon as the office has confirmed a category's first on-site result; the category's decision
        // record is only created by the first vote or record, so count the categories with a confirmed result and no final decision.
        var finalDecided = await db.Set<EvaluationDecision>().Where(d => d.CycleId == cycle.Id && d.Status != EvaluationStatus.Deliberating)
            .Select(d => d.Category).ToListAsync(ct);
        var evaluations = await (from v in db.Set<SiteVisit>()
                                 join a in db.Set<Application>() on v.ApplicationId equals a.Id
                                 where v.CycleId == cycle.Id && (v.Status == SiteVisitStatus.OfficeApproved || v.Status == SiteVisitStatus.Released)
                                       && a.Category != null && !finalDecided.Contains(a.Category.Value)
                                 select a.Category).Distinct().ToListAsync(ct);
        var items = new List<TodoItem>();
        if (shortlists.Count > 0)
            items.Add(new("入围评议待投票", shortlists.Count, "/DocumentReview/Shortlist", Note: $"您已投票 {shortlistVoted} 项"));
        if (evaluations.Count > 0)
            items.Add(new("综合评价待投票", evaluations.Count, "/Evaluation"));
        // 第九条: a stage work report on current data that this member has not yet 审议.
        foreach (var kind in Enum.GetValues<StageReportKind>())
            if (await stageReports.ViewAsync(cycle.Id, kind, ct) is { Stale: false } view && view.Report.ResponseOf(userId) is null)
                items.Add(new($"待审议：{kind.Display()}（第 {view.Report.Revision} 稿）", 1, StageReportWorkflow.Link(cycle.Id, kind),
                    view.Report.DueOn is { } due ? ChinaTime.EndOfDay(due) : null,
                    view.Report.DueOn is null ? "未规定截止日期，请尽早审议" : null));
        return items;
    }

    /// <summary>审定委员会委员: organisations on a list under deliberation that the member has not voted on.</summary>
    public async Task<IReadOnlyList<TodoItem>> ApprovalCommitteeAsync(Cycle cycle, string userId, CancellationToken ct)
    {
        var rounds = await db.Set<ApprovalRound>().AsNoTracking().Where(r => r.CycleId == cycle.Id && r.Status == ApprovalStatus.Deliberating).ToListAsync(ct);
        var open = rounds.Sum(r => r.Items.Count(i => !r.Votes.Any(v => v.ApplicationId == i.ApplicationId && v.MemberId == userId)));
        return open == 0 ? [] : [new TodoItem("审定待投票的组织", open, "/Approval")];
    }

    /// <summary>领导小组成员: reviewer appointments waiting for a decision (第七条).</summary>
    public async Task<IReadOnlyList<TodoItem>> LeadingGroupAsync(CancellationToken ct)
    {
        var candidates = await db.Set<ReviewerProfile>().CountAsync(p => p.Status == ReviewerStatus.Candidate, ct);
        var sanctions = await db.Set<Discipline.OrganizationSanction>().CountAsync(s => s.Status == Discipline.SanctionStatus.Proposed, ct);
        var matters = await db.Set<Governance.LeadingGroupDecision>().CountAsync(d => d.Status == Governance.MatterStatus.Pending, ct);
        var items = new List<TodoItem>();
        if (matters > 0) items.Add(new TodoItem("待领导小组决定的事项（规则和标杆数量、委员会组成、专家组方案等）", matters, "/Governance"));
        if (candidates > 0) items.Add(new TodoItem("待决定聘用的评审员候选人", candidates, "/Reviewers/Decisions"));
        if (sanctions > 0) items.Add(new TodoItem("待表决的处分建议（第二十九条）", sanctions, "/Discipline"));
        return items;
    }

    /// <summary>获奖组织 (第二十三条): goals still to record and progress reports due or overdue on its own benchmarks.</summary>
    public async Task<IReadOnlyList<TodoItem>> WinnerAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var items = new List<TodoItem>();
        foreach (var award in await commitments.VisibleAwards(user).Where(a => a.Status != Awards.AwardStatus.Revoked).ToListAsync(ct))
        {
            var view = await commitments.ViewAsync(award, ct);
            if (view.Goals is null)
                items.Add(new($"登记获奖后的质量新目标：{award.CertificateNumber}", 1, "/Commitments/Mine"));
            foreach (var l in view.Lines.Where(l => l.State is Commitments.ReportState.Due or Commitments.ReportState.Overdue))
                items.Add(new($"提交{l.Year}年度进展报告：{award.CertificateNumber}", 1, Commitments.CommitmentRecords.Link(award.Id, l.Year),
                    Commitments.ReportSchedule.Deadline(l.DueOn), l.DaysLate > 0 ? $"已逾期 {l.DaysLate} 天" : null));
        }
        // 第二十五条: invitations to experience-sharing events not yet answered, while answers are still taken.
        var today = clock.Today();
        foreach (var i in (await sharing.MyInvitationsAsync(user, ct)).Where(i => i.Answer == Sharing.InvitationAnswer.Pending
                     && i.EventStatus != Sharing.SharingEventStatus.Cancelled && i.StartsOn > today))
            items.Add(new($"答复活动邀请：{i.EventTitle}", 1, Sharing.SharingLinks.Answer(i.Id), ChinaTime.At(i.StartsOn, TimeOnly.MinValue),
                $"{i.EventKind}，{ChinaTime.Format(i.StartsOn)}，{i.Place}"));
        return items;
    }

    /// <summary>申报组织 / 推荐单位: the applications the caller may see, with their status across the stages.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string? Number, ApplicationStanding Standing)>> ApplicationsAsync(
        IQueryable<Application> visible, CancellationToken ct)
    {
        var rows = await (from a in visible
                          join o in db.Set<Organizations.Organization>() on a.OrganizationId equals o.Id
                          orderby a.UpdatedAt descending
                          select new { a.Id, o.Name, a.Number }).Take(50).ToListAsync(ct);
        var standings = await progress.StandingsAsync(rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(r => (r.Id, r.Name, (string?)r.Number, standings[r.Id])).ToList();
    }
}
