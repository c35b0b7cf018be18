using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.DocumentReview.Scoring;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>
/// Drafts a feedback report from an agreed consensus: per criteria category, the points-weighted consensus percentage
/// (Σ points × percent / Σ points), put on the 5 % grid and mapped to its band with <see cref="CriteriaDocument.BandFor"/>,
/// and the group's 优势 / 改进机会 of the category's items, one per line with the item they concern.
/// </summary>
public static class FeedbackComposer
{
    public static List<FeedbackSection> Sections(ConsensusSheet consensus, CriteriaDocument criteria) =>
        criteria.Categories.Select(c =>
        {
            var items = c.Items.Select(i => (Item: i, Score: consensus.Item(i.Code))).Where(x => x.Score is not null).ToList();
            var points = items.Sum(x => x.Item.Points);
            var weighted = points == 0 ? 0 : items.Sum(x => x.Item.Points * (double)(x.Score!.Percent ?? 0)) / points;
            var percent = OnGrid(weighted);
            return new FeedbackSection
            {
                CategoryCode = c.Code, CategoryName = c.Name, Points = c.Points, Percent = percent,
                Band = criteria.BandFor(percent)?.Range ?? $"{percent}%",
                Strengths = Lines(items.Select(x => (x.Item, x.Score!.Strengths))),
                Opportunities = Lines(items.Select(x => (x.Item, x.Score!.Opportunities))),
            };
        }).ToList();

    public static string Summary(string cycleName, CriteriaDocument criteria, ConsensusSheet consensus, IReadOnlyList<FeedbackSection> sections)
    {
        var total = sections.Sum(s => s.Points);
        var overall = total == 0 ? 0 : OnGrid(sections.Sum(s => s.Points * (double)s.Percent) / total);
        var band = criteria.BandFor(overall)?.Range ?? $"{overall}%";
        var text = $"感谢贵组织参加{cycleName}。评审专家组依据《{criteria.Title}》对贵组织的申报材料进行了独立评分和一致性评审，"
            + $"总体得分档为 {band}。以下按评价准则类目列出专家组认可的优势和建议关注的改进机会，供贵组织持续改进参考。";
        return string.IsNullOrWhiteSpace(consensus.Summary) ? text : text + "\n" + consensus.Summary.Trim();
    }

    /// <summary>Rounds to the nearest 5 % step (the grid the bands are defined on), halves up.</summary>
    public static int OnGrid(double percent) =>
        Math.Clamp((int)Math.Round(percent / ScoreBand.Step, MidpointRounding.AwayFromZero) * ScoreBand.Step, 0, 100);

    private static string Lines(IEnumerable<(ItemNode Item, List<ReviewComment> Comments)> items) =>
        string.Join("\n", items.SelectMany(x => x.Comments.Where(c => !string.IsNullOrWhiteSpace(c.Text))
            .Select(c => $"【{x.Item.Code} {x.Item.Name}】{c.Text.Trim()}")));
}
