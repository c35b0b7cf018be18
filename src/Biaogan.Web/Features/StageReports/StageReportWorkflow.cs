using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Ranking;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.StageReports;

/// <summary>A committee member and where they stand in the 审议 of the current draft.</summary>
public sealed record MemberState(string UserId, string Name, bool Conflicted, StageReportResponse? Response);

/// <summary>A report with its figures, whether its data is still current, and the 审议 against the cycle's rule.</summary>
public sealed record StageReportView(int Year, string CycleName, StageReport Report, DocumentReviewReportData? DocumentReview,
    OnSiteReportData? OnSite, bool Stale, StageReportQuorum Quorum, IReadOnlyList<MemberState> Members)
{
    /// <summary>The members whose response the rule counts: those without a 回避 in the cycle.</summary>
    public IReadOnlyList<MemberState> Counted => Members.Where(m => !m.Conflicted).ToList();
    public IReadOnlyList<MemberState> Missing => Counted.Where(m => m.Response is null).ToList();
    public int Responded => Counted.Count(m => m.Response is not null);
    public int Needed => Quorum == StageReportQuorum.Majority ? Counted.Count / 2 + 1 : Counted.Count;
    public bool Deliberated => !Stale && Counted.Count > 0 && Responded >= Needed;
    public int Comments => Members.Count(m => m.Response is { Agreed: false });

    public string StatusText => Stale ? "数据已变化，本稿已过期，待重新生成"
        : Deliberated ? $"审议已完成（{Responded}/{Counted.Count} 位委员已审议" + (Comments > 0 ? $"，{Comments} 位提出意见" : "") + "）"
        : $"审议中（{Responded}/{Counted.Count} 位委员已审议，须{CycleSettings.QuorumDisplay(Quorum)}）";
}

/// <summary>
/// 阶段工作报告 (第九条): the office generates a report from the stage's records, the review committee 审议 it, and the
/// shortlist and the recommended list ask this workflow (<see cref="IStageReportGate"/>) before they are made final.
/// </summary>
public sealed class StageReportWorkflow(AppDbContext db, TimeProvider clock, NoticeLedger ledger, RankingStore ranking)
    : IStageReportGate
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Generates (or generates again) the report from the current records and tells the committee it waits for them.</summary>
    public async Task<StageReport> GenerateAsync(Guid cycleId, StageReportKind kind, DateOnly? dueOn, string userId, CancellationToken ct)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct)
            ?? throw new DomainRuleException("未找到该年度活动，请刷新页面后重试。");
        if (dueOn is { } d && d < clock.Today())
            throw new DomainRuleException("审议截止日期不能早于今天，请重新选择。");
        var (snapshot, version) = await SnapshotAsync(cycle, kind, ct, current: true);
        var report = await db.Set<StageReport>().FirstOrDefaultAsync(r => r.CycleId == cycleId && r.Kind == kind, ct);
        if (report is null) db.Add(report = new StageReport(cycleId, kind, version, snapshot, dueOn, userId, clock.GetUtcNow()));
        else if (report.DataVersion == version && report.DueOn == dueOn)
            throw new DomainRuleException($"{kind.Display()}生成后评审数据没有变化，当前第 {report.Revision} 稿仍然有效，无需重新生成。");
        else report.Regenerate(version, snapshot, dueOn, userId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await NotifyAsync(cycle, report, ct);
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>A member records 同意 or 意见 on the current draft; refused on a stale draft.</summary>
    public async Task<StageReport> RespondAsync(Guid cycleId, StageReportKind kind, string memberId, bool agreed, string? comment, CancellationToken ct)
    {
        var report = await db.Set<StageReport>().FirstOrDefaultAsync(r => r.CycleId == cycleId && r.Kind == kind, ct)
            ?? throw new DomainRuleException($"活动办公室尚未生成{kind.Display()}，暂无可审议的报告。");
        var member = (await ShortlistQueries.MembersAsync(db, cycleId, ct)).FirstOrDefault(m => m.UserId == memberId)
            ?? throw new DomainRuleException("只有评审委员会委员可以审议阶段工作报告。");
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == cycleId, ct);
        if ((await SnapshotAsync(cycle, kind, ct, current: true)).Version != report.DataVersion)
            throw new DomainRuleException($"第 {report.Revision} 稿生成后评审数据已变化，本稿已过期。请等活动办公室重新生成后再审议。");
        report.Respond(member.UserId, member.Name, agreed, comment, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>
    /// The report with its figures and 审议, or null when not generated yet. <paramref name="current"/>: compare with the
    /// sheets as they are now (the gate), else with the stored ranking the pages show.
    /// </summary>
    public async Task<StageReportView?> ViewAsync(Guid cycleId, StageReportKind kind, CancellationToken ct, bool current = false)
    {
        var report = await db.Set<StageReport>().AsNoTracking().FirstOrDefaultAsync(r => r.CycleId == cycleId && r.Kind == kind, ct);
        if (report is null) return null;
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == cycleId, ct);
        var (_, version) = await SnapshotAsync(cycle, kind, ct, current);
        var conflicted = (await ShortlistQueries.ConflictsAsync(db, cycleId, ct)).Select(c => c.MemberId).ToHashSet();
        var members = (await ShortlistQueries.MembersAsync(db, cycleId, ct))
            .Select(m => new MemberState(m.UserId, m.Name, conflicted.Contains(m.UserId), report.ResponseOf(m.UserId))).ToList();
        return new StageReportView(cycle.Year, cycle.Name, report,
            kind == StageReportKind.DocumentReview ? JsonSerializer.Deserialize<DocumentReviewReportData>(report.Snapshot, Json) : null,
            kind == StageReportKind.OnSite ? JsonSerializer.Deserialize<OnSiteReportData>(report.Snapshot, Json) : null,
            version != report.DataVersion, cycle.Settings.StageReportQuorum, members);
    }

    /// <summary>The gate of the shortlist (资料评审) and of the recommended list (现场评审), in the committee's words.</summary>
    public async Task EnsureDeliberatedAsync(Guid cycleId, StageReportKind kind, CancellationToken ct)
    {
        var list = kind == StageReportKind.DocumentReview ? "入围名单" : "推荐名单";
        var view = await ViewAsync(cycleId, kind, ct, current: true)
            ?? throw new DomainRuleException($"确定{list}前，评审委员会须审议{kind.Display()}（第九条）。请活动办公室先在“阶段工作报告”页生成报告，提请委员审议。");
        if (view.Stale)
            throw new DomainRuleException($"{kind.Display()}第 {view.Report.Revision} 稿生成后评审数据已变化，委员审议的是旧数据。请在“阶段工作报告”页重新生成报告，委员重新审议后再确定{list}。");
        if (view.Counted.Count == 0)
            throw new DomainRuleException($"评审委员会没有可参加审议的委员，{kind.Display()}无法审议。请先邀请评审委员会委员。");
        if (!view.Deliberated)
            throw new DomainRuleException($"{kind.Display()}尚未完成审议（须{CycleSettings.QuorumDisplay(view.Quorum)}，目前 {view.Responded}/{view.Counted.Count} 位），" +
                $"尚未审议的委员：{string.Join("、", view.Missing.Select(m => m.Name))}。请委员在“阶段工作报告”页审议后再确定{list}。");
    }

    /// <summary>The report's figures as JSON and their hash (the data version).</summary>
    public async Task<(string Snapshot, string Version)> SnapshotAsync(Cycle cycle, StageReportKind kind, CancellationToken ct, bool current = false)
    {
        var board = kind != StageReportKind.DocumentReview ? null
            : current ? (await ranking.CurrentAsync(cycle.Id, "阶段工作报告", ct))?.Board : (await ranking.ReadAsync(cycle.Id, ct))?.Board;
        var snapshot = kind == StageReportKind.DocumentReview
            ? JsonSerializer.Serialize(await DocumentReviewReport.BuildAsync(db, cycle, board, ct), Json)
            : JsonSerializer.Serialize(await OnSiteReport.BuildAsync(db, cycle, ct), Json);
        return (snapshot, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot))));
    }

    /// <summary>
    /// The page of a report, in lower case: the link is kept on the notice (and shown in the audit log), where no program
    /// word may appear; page routes and query names are case-insensitive.
    /// </summary>
    public static string Link(Guid cycleId, StageReportKind kind) => $"/stagereports?cycleid={cycleId}&kind={kind.ToString().ToLowerInvariant()}";

    private async Task NotifyAsync(Cycle cycle, StageReport report, CancellationToken ct)
    {
        var members = await Governance.CommitteeVoters.VotersAsync(db, cycle.Id, Governance.CommitteeKind.Review, ct);
        if (members.Count == 0) return;
        await ledger.NotifyOnceAsync($"阶段工作报告待审议:{report.Id}:{report.Revision}", DefaultTemplates.StageReportWaiting, members,
            new Dictionary<string, string>
            {
                ["年度"] = cycle.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["报告"] = report.Kind.Display(),
                ["稿次"] = report.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["说明"] = report.Revision > 1 ? "评审数据已变化，报告已重新生成，此前的审议意见针对旧稿，请重新审议。" : "",
                ["截止说明"] = report.DueOn is { } d ? $"请在 {ChinaTime.Format(d)} 前完成审议。" : "本次审议未规定截止日期，请尽早审议，以免影响名单确定。",
            }, Link(cycle.Id, report.Kind), ct);
    }
}
