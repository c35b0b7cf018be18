using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.OnSite;

/// <summary>
/// One criteria item as the document review left it: the agreed percentage, the spread of the individual sheets, and the
/// group's 改进机会 — where the doubts to verify on site come from.
/// </summary>
public sealed record ItemDoubt(string ItemCode, int? ConsensusPercent, int? MinPercent, int? MaxPercent, IReadOnlyList<string> Opportunities,
    string ConsensusComment)
{
    /// <summary>最高 − 最低 of the reviewers' own percentages.</summary>
    public int? Spread => MaxPercent - MinPercent;

    /// <summary>Items worth a look on site: a wide spread between the reviewers, or improvement opportunities written down.</summary>
    public bool Flagged => Spread >= DocumentDoubts.WideSpread || Opportunities.Count > 0;

    /// <summary>The question a 待核实问题 starts from (the office or the 组长 edits it before saving).</summary>
    public string SuggestedQuestion => Opportunities.Count > 0
        ? $"核实资料评审提出的改进机会：{Opportunities[0]}"
        : $"资料评审各评审员得分率相差 {Spread} 个百分点（{MinPercent}%—{MaxPercent}%），请现场核实该条目的实际做法和成效。";
}

public static class DocumentDoubts
{
    /// <summary>A spread of this many percentage points or more between reviewers flags the item.</summary>
    public const int WideSpread = 20;

    /// <summary>Per item of the application: the agreed consensus of its document group and the submitted individual sheets.</summary>
    public static async Task<IReadOnlyDictionary<string, ItemDoubt>> ForAsync(AppDbContext db, Guid applicationId, CancellationToken ct)
    {
        var groupIds = await db.Set<ExpertGroup>().AsNoTracking()
            .Where(g => g.ApplicationId == applicationId && g.Stage == ReviewStage.Document).Select(g => g.Id).ToListAsync(ct);
        var consensus = (await db.Set<ConsensusSheet>().AsNoTracking()
                .Where(s => s.ApplicationId == applicationId && s.Status == ConsensusStatus.Agreed && groupIds.Contains(s.GroupId)).ToListAsync(ct))
            .OrderByDescending(s => s.AgreedAt).FirstOrDefault();
        var sheets = await db.Set<ScoreSheet>().AsNoTracking()
            .Where(s => s.ApplicationId == applicationId && s.Status == SheetStatus.Submitted && groupIds.Contains(s.GroupId)).ToListAsync(ct);
        var codes = (consensus?.Items.Select(i => i.ItemCode) ?? []).Concat(sheets.SelectMany(s => s.Items.Select(i => i.ItemCode))).Distinct();
        return codes.ToDictionary(code => code, code =>
        {
            var item = consensus?.Item(code);
            var percents = sheets.SelectMany(s => s.Items.Where(i => i.ItemCode == code && i.Percent is not null).Select(i => i.Percent!.Value)).ToList();
            return new ItemDoubt(code, item?.Percent, percents.Count > 0 ? percents.Min() : null, percents.Count > 0 ? percents.Max() : null,
                item?.Opportunities.Select(o => o.Text.Trim()).Where(t => t.Length > 0).ToList() ?? [], item?.Comment ?? "");
        });
    }
}
