using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>
/// The 公示 is built on the 综合评价 lists (docs/decisions/0031): while a draft or a published notice uses them, they cannot
/// be reopened. The office withdraws a draft, or announces a correction of a published notice (更正说明, public at once);
/// once the lists are final again the correction is applied to the notice's list.
/// </summary>
public sealed class NoticeCorrections(AppDbContext db, NoticeWorkflow notices, TimeProvider clock, IEnumerable<IListUse> uses)
{
    /// <summary>Withdraws the open cycle's draft, or announces the correction of its published notice; returns what was done.</summary>
    public async Task<string> WithdrawAsync(int version, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写撤回草稿或更正公示的原因。");
        var cycle = await CycleQueries.CurrentOpenAsync(db, ct) ?? throw new DomainRuleException("当前没有进行中的年度活动。");
        var notice = await notices.ForCycleAsync(cycle.Id, ct) ?? throw new DomainRuleException("本年度还没有公示。");
        db.Entry(notice).Property(n => n.Version).OriginalValue = version;
        string done;
        if (notice.Status == NoticeStatus.Draft)
        {
            notice.WithdrawDraft(reason);
            db.Remove(notice);
            done = "已撤回公示草稿，现在可以撤销推荐名单的确定。";
        }
        else
        {
            await uses.EnsureUnusedAsync(GatedList.Notice, cycle.Id, null, "公示名单", ct);
            notice.BeginCorrection(reason, clock.GetUtcNow());
            done = "更正说明已在公示页公布。撤销并重新确定推荐名单后，请点击“按更正后的名单更新公示”。";
        }
        await db.SaveChangesAsync(ct);
        await notices.EvictPublicPagesAsync(ct);
        return done;
    }

    /// <summary>Applies the pending correction: the notice's list follows the re-finalised recommended lists.</summary>
    public async Task<PublicNotice> ApplyAsync(int version, CancellationToken ct)
    {
        var cycle = await CycleQueries.CurrentOpenAsync(db, ct) ?? throw new DomainRuleException("当前没有进行中的年度活动。");
        var notice = await notices.ForCycleAsync(cycle.Id, ct) ?? throw new DomainRuleException("本年度还没有公示。");
        db.Entry(notice).Property(n => n.Version).OriginalValue = version;
        if (!await EvaluationQueries.CompleteAsync(db, cycle.Id, ct))
            throw new DomainRuleException("推荐名单尚未重新确定（综合评价），请确定全部类别后再更新公示。");
        notice.ApplyCorrection(await notices.RecommendedEntriesAsync(cycle.Id, ct), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await notices.EvictPublicPagesAsync(ct);
        return notice;
    }
}

/// <summary>The 公示's side of the <see cref="IListUse"/> hook: a draft or a published notice without a pending correction uses the lists.</summary>
public sealed class NoticeListUse(AppDbContext db) : IListUse
{
    public GatedList List => GatedList.Evaluation;

    public async Task<string?> UseAsync(Guid cycleId, AwardCategory? category, CancellationToken ct)
    {
        var notice = await db.Set<PublicNotice>().AsNoTracking().FirstOrDefaultAsync(n => n.CycleId == cycleId, ct);
        if (notice is null || notice.CorrectionPending) return null;
        return notice.Status == NoticeStatus.Draft
            ? "公示草稿已据此生成。请先在“公示”页撤回草稿并填写原因，再撤销确定。"
            : "公示已据此发布。请先在“公示”页发布更正说明（向社会说明更正的原因），再撤销确定。";
    }
}
