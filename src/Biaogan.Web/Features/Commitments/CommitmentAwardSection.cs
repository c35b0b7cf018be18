using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Commitments;

/// <summary>The goals and yearly progress reports on the award pages (Awards' <see cref="IAwardRecordSection"/> hook).</summary>
internal sealed class CommitmentAwardSection(CommitmentRecords records) : IAwardRecordSection
{
    public int Order => 10;

    public async Task<AwardRecordSection> SectionAsync(Award award, bool forOrganization, CancellationToken ct)
    {
        var view = await records.ViewAsync(award, ct);
        var lines = new List<AwardRecordLine>
        {
            new("质量新目标", view.Goals is { } g ? $"{g.Goals}\n（{ChinaTime.Format(g.RecordedAt)} {g.RecordedBy} 登记）" : "尚未登记",
                view.Goals is null ? "未登记" : null, "badge-warn"),
        };
        foreach (var l in view.Lines)
        {
            var text = l.FiledAt is { } at ? $"{ChinaTime.Format(at)} 提交（截止 {ChinaTime.Format(l.DueOn)}）" : $"截止 {ChinaTime.Format(l.DueOn)}";
            var badge = l.DaysLate > 0 ? $"{l.StateText}，逾期 {l.DaysLate} 天" : l.StateText;
            var link = l.State is ReportState.Filed || (forOrganization && l.State is ReportState.Due or ReportState.Overdue)
                ? CommitmentRecords.Link(award.Id, l.Year) : null;
            lines.Add(new($"{l.Year}年度进展报告", text, badge, l.DaysLate > 0 ? "badge-err" : CommitmentRecords.StateBadge(l.State), link));
        }
        return new AwardRecordSection("质量新目标与年度进展报告（第二十三条）", lines,
            forOrganization ? "/Commitments/Mine" : "/Commitments", forOrganization ? "登记目标、提交进展报告" : "全部标杆的进展报告");
    }
}
