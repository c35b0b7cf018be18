using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.StageReports;

/// <summary>One 现场评审: where and when, the team, where its report stands, and the document and on-site results (百分制).</summary>
public sealed record VisitLine(string Category, string Application, string Dates, string Sites, string Leader, int Members, string Status,
    decimal? DocumentScore, decimal? OnSiteScore)
{
    public decimal? Change => OnSiteScore - DocumentScore;
}

/// <summary>A 待核实问题 carried to the site and how it was closed.</summary>
public sealed record IssueLine(string Application, string ItemCode, string Question, string Outcome, int? FromPercent, int? ToPercent);

/// <summary>A criteria item whose on-site percentage differs from the 资料评审 consensus.</summary>
public sealed record ScoreChangeLine(string Application, string ItemCode, int? DocumentPercent, int? OnSitePercent, string Reason);

/// <summary>An application of the committee's recorded 综合评价 (recommended or not).</summary>
public sealed record RecommendationLine(string Category, int? Rank, string Application, decimal? CombinedScore, bool Recommended,
    int VotesFor, int VotesAgainst, int Recused, string Reason);

/// <summary>The figures of the 现场评审工作报告 (第九条、第十九、二十条).</summary>
public sealed record OnSiteReportData(int Year, string CycleName, IReadOnlyList<VisitLine> Visits, IReadOnlyList<IssueLine> Issues,
    IReadOnlyList<ScoreChangeLine> ScoreChanges, IReadOnlyList<RecommendationLine> Recommendations, IReadOnlyList<string> NoRecommendation);

/// <summary>Builds the 现场评审工作报告 from the visits, their issues and scores, and the recorded 综合评价.</summary>
public static class OnSiteReport
{
    public static async Task<OnSiteReportData> BuildAsync(AppDbContext db, Cycle cycle, CancellationToken ct)
    {
        var visits = await db.Set<SiteVisit>().AsNoTracking().Where(v => v.CycleId == cycle.Id).ToListAsync(ct);
        var decisions = await db.Set<EvaluationDecision>().AsNoTracking().Where(d => d.CycleId == cycle.Id).ToListAsync(ct);
        var ids = visits.Select(v => v.ApplicationId).Concat(decisions.SelectMany(d => d.Entries).Select(e => e.ApplicationId)).Distinct().ToList();
        var apps = await db.Set<Application>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Number, a.Category }).ToDictionaryAsync(a => a.Id, ct);
        var names = await GateQueries.NamesAsync(db, ids, ct);
        string Label(Guid id) => apps.GetValueOrDefault(id) is { Number: { Length: > 0 } n } ? $"{n} {names.GetValueOrDefault(id, "")}" : names.GetValueOrDefault(id, "");
        string CategoryOf(Guid id) => apps.GetValueOrDefault(id)?.Category is { } c ? Cycle.CategoryDisplay(c) : "—";

        var groups = await db.Set<ExpertGroup>().AsNoTracking().Include(g => g.Members)
            .Where(g => g.CycleId == cycle.Id && g.Stage == ReviewStage.OnSite).ToListAsync(ct);
        var leaderIds = groups.Select(g => g.Leader?.ReviewerId).OfType<Guid>().ToList();
        var leaders = await db.Set<ReviewerProfile>().AsNoTracking().Where(p => leaderIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        var ordered = visits.OrderBy(v => CategoryOf(v.ApplicationId)).ThenBy(v => Label(v.ApplicationId), StringComparer.Ordinal).ToList();
        var visitLines = ordered.Select(v =>
        {
            var g = groups.FirstOrDefault(x => x.ApplicationId == v.ApplicationId);
            var dates = v.StartDate is { } s ? (v.EndDate is { } e && e != s ? $"{ChinaTime.Format(s)} 至 {ChinaTime.Format(e)}" : ChinaTime.Format(s)) : "尚未确定";
            return new VisitLine(CategoryOf(v.ApplicationId), Label(v.ApplicationId), dates, v.Sites.Count == 0 ? "—" : string.Join("；", v.Sites),
                g?.Leader is { } l ? leaders.GetValueOrDefault(l.ReviewerId, "—") : "—", g?.ActiveMembers.Count() ?? 0,
                v.ResultFinal ? "结果已经活动办公室确认" : v.Status.Display(), v.DocumentScore, v.OnSiteScore);
        }).ToList();
        var issues = ordered.SelectMany(v => v.Issues.OrderBy(i => i.ItemCode, StringComparer.Ordinal).ThenBy(i => i.RaisedAt)
            .Select(i => new IssueLine(Label(v.ApplicationId), i.ItemCode, i.Question, ((IssueOutcome?)i.Outcome).Display(), i.FromPercent, i.ToPercent))).ToList();
        var changes = ordered.SelectMany(v => v.Items.Where(i => i.Percent is not null && i.Percent != i.DocumentPercent)
            .OrderBy(i => i.ItemCode, StringComparer.Ordinal)
            .Select(i => new ScoreChangeLine(Label(v.ApplicationId), i.ItemCode, i.DocumentPercent, i.Percent, i.Reason))).ToList();
        var recommendations = decisions.OrderBy(d => d.Category).SelectMany(d => d.Entries
                .OrderByDescending(e => e.Recommended).ThenBy(e => e.Rank ?? int.MaxValue).ThenByDescending(e => e.CombinedScore)
                .Select(e => new RecommendationLine(Cycle.CategoryDisplay(d.Category), e.Rank, Label(e.ApplicationId), e.CombinedScore, e.Recommended,
                    e.VotesFor, e.VotesAgainst, e.Recused, e.Reason))).ToList();
        var none = decisions.Where(d => d.RecordedAt != null && d.NoneReason.Length > 0).OrderBy(d => d.Category)
            .Select(d => $"{Cycle.CategoryDisplay(d.Category)}：本类别无推荐（{d.NoneReason}）").ToList();
        return new OnSiteReportData(cycle.Year, cycle.Name, visitLines, issues, changes, recommendations, none);
    }
}
