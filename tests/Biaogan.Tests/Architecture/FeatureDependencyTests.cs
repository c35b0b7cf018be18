using Biaogan.Tests.Infrastructure;
namespace Biaogan.Tests.Architecture;

/// <summary>
/// docs/decisions/0027: features depend on each other in one order, checked on the compiled assembly. A feature may
/// use features of its own layer or a lower one, never a higher one, and no chain of uses may lead back to where it
/// started — not even inside one layer. Each sub-folder of DocumentReview counts as a feature of its own.
/// </summary>
[NoDatabase]
public sealed class FeatureDependencyTests
{
    /// <summary>Lower layers first. Features in one layer may use each other as long as no cycle forms.</summary>
    public static readonly string[][] Layers =
    [
        ["Shared"],
        // Identity, organisations, mail, calendar and the criteria documents are the foundation. Accounts is the lowest of
        // them: it reaches mail and unit names through hooks (IAccountMail, IUnitNames) that the others implement.
        ["Accounts", "Notifications", "Organizations", "Calendar", "Criteria", "Jobs"],
        ["Cycles"],
        // The audit trail viewer names the values of the records it shows (a cycle's status, its trend rule).
        ["Audit"],
        ["Applications", "Recommendations", "Reviewers"],
        // 办公室检索 reads organisations, applications and reviewers; nothing depends on it.
        ["Search"],
        ["Qualification"],
        // Conflict rules and the expert groups they guard are decided together: a confirmed conflict ends seats.
        ["Conflicts", "Assignment"],
        // 领导小组 (第七条) approves cycles' rules, plans and committees, so it sits above them; the stages above check its
        // committee approvals, and Supervision cites its rulings through the ICitationSubjects hook it implements.
        ["Governance"],
        // Scoring, consensus, ranking, the shortlist and the feedback reports work on the groups.
        ["DocumentReview/Materials", "DocumentReview/Scoring", "DocumentReview/Calibration", "DocumentReview/Ranking",
         "DocumentReview/Shortlist", "DocumentReview/Feedback"],
        // 现场评审 starts from the shortlist and reuses the assignment engine; the two-way feedback of 第三十条 follows a visit.
        ["OnSite"],
        ["Evaluation", "MutualFeedback"],
        // 第九条: the committee's stage work reports read 资料评审, 现场评审 and 综合评价; the lists ask them through IStageReportGate.
        ["StageReports"],
        // Awards only need applications and organisations; 公示 reads the recommended list; 审定 issues the awards.
        ["Awards"],
        ["PublicNotice"],
        ["Approval"],
        // 第二十三、二十五、三十一条: winners' goals and progress reports, experience-sharing events; they show on the award
        // pages through Awards.IAwardRecordSection and offer query services (CommitmentRecords) to the features above.
        ["Commitments", "Sharing"],
        // 获奖后监督 works on awards; Awards offers AwardStanding, the hook a case decision calls to change an award's status.
        ["Supervision"],
        // 获奖三年后确认 (第二十四条) opens and decides Confirmation cases through Supervision's workflow; lower features
        // add lines to a confirmation's period through its IConfirmationPeriodRecords hook.
        ["Confirmation"],
        // 公众投诉 (第二十七、三十二条): a complaint about a benchmark opens a supervision case of kind Complaint.
        ["Complaints"],
        // 纪律 (第二十八、二十九条) takes an application out of every stage; lower features reach it through hooks
        // (Reviewers.IReviewerStandDown, Organizations.IDisciplineRecord).
        ["Discipline"],
        // An application's status and timeline read every stage; the to-do pages read every stage's queue.
        ["Progress"],
        // 领导小组的总览 (issue 12 item 10): benchmarks, confirmations due, open cases, late reports, each exportable.
        ["Oversight"],
        // Pages anyone may open without logging in (公示, 获奖名单, 标杆名录, 证书核验), the demo and the home page.
        ["Public", "Demo", "Home"],
    ];

    private static readonly Lazy<FeatureGraph> Graph = new(() =>
        FeatureReferences.Read(typeof(Program).Assembly.Location, Layers));

    [Fact]
    public void Every_feature_folder_is_placed_in_a_layer()
    {
        var unplaced = FeatureFolders().Where(f => Graph.Value.LayerOf(f) < 0)
            .Concat(Graph.Value.Features.Where(f => Graph.Value.LayerOf(f) < 0)).Distinct().ToList();
        Assert.True(unplaced.Count == 0, "请把这些功能目录放进 FeatureDependencyTests.Layers / place these feature folders in a layer: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void No_feature_uses_a_feature_of_a_higher_layer()
    {
        var violations = Graph.Value.LayerViolations();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void No_chain_of_uses_between_features_leads_back_to_where_it_started()
    {
        var cycles = Graph.Value.Cycles();
        Assert.True(cycles.Count == 0, string.Join(Environment.NewLine, cycles));
    }

    // Note: constants (Roles.Office, Policies.Office) are copied into the IL where they are used, so a use of a constant
    // alone is invisible here; every other use of a type is seen.
    [Fact]
    public void The_reader_sees_uses_in_method_bodies_signatures_and_razor_pages()
    {
        // Known uses that the rules allow: if the reader went blind, the two rules above would pass vacuously.
        var g = Graph.Value;
        Assert.True(g.Uses("Approval", "Awards"), "Approval issues awards (method bodies)");
        Assert.True(g.Uses("DocumentReview/Scoring", "Assignment"), "scoring works on the expert groups");
        Assert.True(g.Uses("Organizations", "Accounts"), "registration creates users (signatures)");
        Assert.Contains(g.Edges, e => e.Example.StartsWith("AspNetCoreGeneratedDocument.", StringComparison.Ordinal));
        Assert.Contains(g.Features, f => f == "Public");
    }

    private static IEnumerable<string> FeatureFolders()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Biaogan.slnx"))) dir = dir.Parent;
        var root = Path.Combine(dir!.FullName, "src", "Biaogan.Web", "Features");
        foreach (var d in Directory.GetDirectories(root))
        {
            var name = Path.GetFileName(d);
            if (name == "DocumentReview")
                foreach (var sub in Directory.GetDirectories(d)) yield return name + "/" + Path.GetFileName(sub);
            else yield return name;
        }
    }
}
