using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Approval;

/// <summary>
/// 审定 is built on the 公示's list (docs/decisions/0031): while a round exists the notice cannot be corrected. An open round
/// may be withdrawn with a reason (votes and decisions go with it; the audit keeps them); a finalised one cannot.
/// </summary>
public sealed class ApprovalListUse(AppDbContext db) : IListUse
{
    public GatedList List => GatedList.Notice;

    public async Task<string?> UseAsync(Guid cycleId, AwardCategory? category, CancellationToken ct)
    {
        var round = await db.Set<ApprovalRound>().AsNoTracking().FirstOrDefaultAsync(r => r.CycleId == cycleId, ct);
        return round switch
        {
            null => null,
            { IsFinal: true } => "审定已完成，证书已颁发，公示名单不能再更正。",
            _ => $"审定已开始（{round.Items.Count} 个组织）。请先在“审定”页撤回审定并填写原因，再更正公示。",
        };
    }

    /// <summary>Withdraws the open cycle's round that is not final yet, with a reason.</summary>
    public async Task WithdrawAsync(Guid cycleId, int version, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写撤回审定的原因。");
        var round = await db.Set<ApprovalRound>().FirstOrDefaultAsync(r => r.CycleId == cycleId, ct)
            ?? throw new DomainRuleException("审定尚未开始，无需撤回。");
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        round.Withdraw(reason);
        db.Remove(round);
        await db.SaveChangesAsync(ct);
    }
}
