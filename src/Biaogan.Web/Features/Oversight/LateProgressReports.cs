using Biaogan.Web.Features.Commitments;

namespace Biaogan.Web.Features.Oversight;

/// <summary>第二十三条 yearly progress reports past their due date and not filed (from Commitments).</summary>
public sealed class LateProgressReports(CommitmentRecords commitments) : ILateReports
{
    public async Task<IReadOnlyList<LateReport>> LateAsync(DateTimeOffset now, CancellationToken ct) =>
        (await commitments.OverdueAsync(ct))
            .Select(l => new LateReport("年度进展报告（第二十三条）", l.OrganizationName, $"{l.Year} 年度进展报告（证书 {l.CertificateNumber}）",
                l.DueOn, l.DaysLate, CommitmentRecords.Link(l.AwardId, l.Year)))
            .ToList();
}
