using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>
/// The stage gate of a confirmation case (docs/decisions/0044): it goes before the leading group, and its decision is
/// recorded, only once the confirmation group's opinion is in — or the office recorded why the group decides without
/// it. The group's opinion shows beside the votes on the case page (staff only).
/// </summary>
public sealed class ConfirmationCaseGate(AppDbContext db) : ICaseGate
{
    public async Task<string?> HoldAsync(SupervisionCase c, CancellationToken ct)
    {
        if (c.Kind != CaseKind.Confirmation) return null;
        var entry = await db.Set<ConfirmationEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == c.Id, ct);
        if (entry is null || entry.NoOpinionReason is not null) return null;
        if (await db.Set<ConfirmationOpinion>().AnyAsync(o => o.EntryId == entry.Id && o.IsGroupOpinion && o.SubmittedAt != null, ct)) return null;
        return $"{entry.OrganizationName}的确认组尚未提交意见：组长提交确认组意见后，才能提交领导小组审议或记录决定。"
               + "确实无法组成确认组或取得意见的，活动办公室可在“确认组”页面记录理由后继续。";
    }

    public async Task<CaseBriefing?> BriefingAsync(SupervisionCase c, CancellationToken ct)
    {
        if (c.Kind != CaseKind.Confirmation) return null;
        var entry = await db.Set<ConfirmationEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == c.Id, ct);
        if (entry is null) return null;
        var lines = new List<BriefingLine>();
        var seats = await db.Set<ConfirmationSeat>().AsNoTracking().Where(s => s.EntryId == entry.Id && s.Status != SeatStatus.Removed && s.Status != SeatStatus.Proposed)
            .OrderByDescending(s => s.IsLeader).ThenBy(s => s.ReviewerName).ToListAsync(ct);
        lines.Add(new("确认组", seats.Count == 0 ? "未组成" : string.Join("、", seats.Select(s => s.IsLeader ? s.ReviewerName + "（组长）" : s.ReviewerName))));
        var group = await db.Set<ConfirmationOpinion>().AsNoTracking().FirstOrDefaultAsync(o => o.EntryId == entry.Id && o.IsGroupOpinion && o.SubmittedAt != null, ct);
        if (group is not null)
        {
            foreach (var r in group.Ratings)
                lines.Add(new(r.Dimension, $"{(r.Trend is { } t ? ConfirmationOpinion.TrendDisplay(t) : "—")}：{r.Reason}"));
            lines.Add(new("建议", $"{ConfirmationOpinion.ProposalDisplay(group.Proposal!.Value)}：{group.ProposalReason}"));
            lines.Add(new("提交", $"组长 {group.ReviewerName}，{ChinaTime.Format(group.SubmittedAt!.Value)}"));
        }
        else lines.Add(new("意见", "确认组尚未提交意见"));
        if (entry.NoOpinionReason is { } why) lines.Add(new("不经确认组意见审议的理由", $"{why}（{entry.NoOpinionBy}）"));
        return new CaseBriefing("确认组意见（保密：仅活动办公室和领导小组可见）", lines, $"/Confirmation/Entry/{entry.Id}");
    }
}
