using System.Text.RegularExpressions;

namespace Biaogan.Tests.Architecture;

/// <summary>
/// docs/architecture.md, convention 1: features depend on each other in one order. A feature may use features of its own
/// layer or a lower one, never a higher one. Checked on the source (using directives and qualified names).
/// </summary>
public partial class FeatureDependencyTests
{
    /// <summary>Lower layers first. Features in one layer may use each other.</summary>
    private static readonly string[][] Layers =
    [
        ["Shared"],
        // Identity, organisations, mail, calendar and audit are one foundation: registration creates organisations,
        // notifications address users, and their office pages need the roles.
        ["Accounts", "Account", "Notifications", "Organizations", "Audit", "Calendar", "Criteria"],
        ["Cycles"],
        ["Applications", "Recommendations", "Reviewers"],
        ["Qualification"],
        // Conflict rules and the expert groups they guard are decided together: a confirmed conflict ends seats.
        ["Conflicts", "Assignment"],
        // Scoring, consensus, ranking, the shortlist and the feedback reports work on the groups.
        ["DocumentReview"],
        // 现场评审 starts from the shortlist and reuses the assignment engine; the two-way feedback of 第三十条 follows a visit.
        ["OnSite"],
        ["Evaluation", "MutualFeedback"],
        // Awards only need applications and organisations; 公示 reads the recommended list; 审定 issues the awards.
        ["Awards"],
        ["PublicNotice"],
        ["Approval"],
        // An application's status and timeline read every stage; the to-do pages read every stage's queue.
        ["Progress"],
        // Pages anyone may open without logging in (公示, 获奖名单, 标杆名录, 证书核验), the demo and the home page.
        ["Public", "Demo", "Home"],
    ];

    private static int LayerOf(string feature)
    {
        for (var i = 0; i < Layers.Length; i++) if (Layers[i].Contains(feature)) return i;
        return -1;
    }

    [Fact]
    public void Every_feature_folder_is_placed_in_a_layer()
    {
        var unplaced = Directory.GetDirectories(FeaturesRoot()).Select(Path.GetFileName).Where(f => LayerOf(f!) < 0).ToList();
        Assert.True(unplaced.Count == 0, "Place these feature folders in FeatureDependencyTests.Layers: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void No_feature_uses_a_feature_of_a_higher_layer()
    {
        var violations = new List<string>();
        foreach (var dir in Directory.GetDirectories(FeaturesRoot()))
        {
            var feature = Path.GetFileName(dir);
            var layer = LayerOf(feature);
            foreach (var file in Directory.EnumerateFiles(dir, "*.cs*", SearchOption.AllDirectories))
            {
                foreach (Match m in FeatureReference().Matches(File.ReadAllText(file)))
                {
                    var used = m.Groups[1].Value;
                    if (used != feature && LayerOf(used) > layer)
                        violations.Add($"{Path.GetRelativePath(FeaturesRoot(), file)} uses {used}");
                }
            }
        }
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    private static string FeaturesRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Biaogan.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "src", "Biaogan.Web", "Features");
    }

    [GeneratedRegex(@"Biaogan\.Web\.Features\.(\w+)")]
    private static partial Regex FeatureReference();
}
