namespace Biaogan.Web.Features.Cycles;

/// <summary>One stage of a cycle's timeline (第十五至二十二条) with its China-local dates.</summary>
public sealed class CycleStage
{
    public const string Application = "application";
    public const string Qualification = "qualification";
    public const string DocumentReview = "document-review";
    public const string OnSiteReview = "on-site-review";
    public const string Evaluation = "evaluation";
    public const string PublicNotice = "public-notice";
    public const string Approval = "approval";

    public int Id { get; private set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>A plausible annual timeline the office adjusts; dates are only a starting point.</summary>
    public static List<CycleStage> Defaults(int year) =>
    [
        new() { Code = Application, Name = "组织申报（第十五条）", SortOrder = 1, StartDate = new(year, 3, 1), EndDate = new(year, 5, 31) },
        new() { Code = Qualification, Name = "资格审查（第十六条）", SortOrder = 2, StartDate = new(year, 6, 1), EndDate = new(year, 6, 30) },
        new() { Code = DocumentReview, Name = "资料评审（第十七、十八条）", SortOrder = 3, StartDate = new(year, 7, 1), EndDate = new(year, 8, 15) },
        new() { Code = OnSiteReview, Name = "现场评审（第十九条）", SortOrder = 4, StartDate = new(year, 8, 16), EndDate = new(year, 10, 15) },
        new() { Code = Evaluation, Name = "综合评价（第二十条）", SortOrder = 5, StartDate = new(year, 10, 16), EndDate = new(year, 10, 31) },
        new() { Code = PublicNotice, Name = "公示（第二十一条）", SortOrder = 6, StartDate = new(year, 11, 2), EndDate = null },
        new() { Code = Approval, Name = "审定（第二十二条）", SortOrder = 7, StartDate = new(year, 11, 20), EndDate = new(year, 12, 10) },
    ];
}
