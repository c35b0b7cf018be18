namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>Who rates whom in the two-way feedback of 第三十条.</summary>
public enum FeedbackDirection
{
    /// <summary>接受评审组织评价评审员工作质量</summary>
    OrganizationRatesReviewer,
    /// <summary>评审员评价接受评审组织的守纪情况</summary>
    ReviewerRatesOrganization,
}

/// <summary>One structured question, answered on the 1–5 scale.</summary>
public sealed record FeedbackQuestion(string Code, string Title, string Hint);

/// <summary>
/// The questions of 第三十条: the organisation judges each reviewer's work quality (公正廉明、实事求是、保守秘密 of 第二十八条),
/// the reviewers judge the organisation's conduct (实事求是、不弄虚作假 of 第二十九条, hospitality and gifts).
/// </summary>
public static class FeedbackQuestions
{
    /// <summary>The version of the question set stored with every answer, so later changes never reinterpret old ratings.</summary>
    public const string SetVersion = "2026-1";

    public static readonly IReadOnlyList<FeedbackQuestion> ForReviewer =
    [
        new("Professional", "专业能力", "熟悉评价准则和评审方法，提问切中要点，判断有依据"),
        new("Impartial", "评审公正", "客观公正、实事求是，不先入为主，对问题的认定有事实依据"),
        new("Integrity", "廉洁守纪", "未索取或接受礼品、礼金、宴请和超标准接待，遵守评审纪律"),
        new("Confidential", "保守秘密", "未泄露或不当使用本组织的经营信息和评审情况"),
        new("Conduct", "沟通与工作作风", "守时、尊重受审人员、沟通清楚，团结协作，讲求效率"),
        new("Helpfulness", "评审意见对组织改进的帮助", "指出的优势和问题具体、准确，对本组织持续改进有帮助"),
    ];

    public static readonly IReadOnlyList<FeedbackQuestion> ForOrganization =
    [
        new("Cooperation", "配合程度", "按约定日程安排人员、场所和资料，及时回应核实要求"),
        new("Authenticity", "材料真实性", "现场核实的情况与申报材料一致，无弄虚作假"),
        new("Discipline", "守纪情况", "未向评审员赠送礼品、礼金，未安排宴请、娱乐或超标准接待"),
        new("Arrangement", "安排的合理性", "日程、访谈和现场查看安排合理，便于评审组独立开展工作"),
    ];

    /// <summary>The 1–5 scale with its Chinese labels.</summary>
    public static readonly IReadOnlyList<(int Score, string Label)> Scale = [(5, "优秀"), (4, "良好"), (3, "一般"), (2, "较差"), (1, "很差")];

    public static IReadOnlyList<FeedbackQuestion> For(FeedbackDirection direction) =>
        direction == FeedbackDirection.OrganizationRatesReviewer ? ForReviewer : ForOrganization;

    /// <summary>
    /// 第二十九条 (实事求是，不弄虚作假): the answers of a reviewer's rating of the organisation that judge its truthfulness or
    /// discipline 较差 or 很差, as “材料真实性 较差”. The office may propose a sanction from them.
    /// </summary>
    public static IReadOnlyList<string> PoorHonesty(MutualRating rating) => rating.Direction != FeedbackDirection.ReviewerRatesOrganization ? []
        : rating.Answers.Where(a => a.Code is "Authenticity" or "Discipline" && a.Score <= 2)
            .Select(a => $"{ForOrganization.First(q => q.Code == a.Code).Title} {ScaleLabel(a.Score)}").ToList();

    public static string ScaleLabel(int score) => Scale.FirstOrDefault(s => s.Score == score).Label ?? "";

    public static string Display(FeedbackDirection direction) =>
        direction == FeedbackDirection.OrganizationRatesReviewer ? "组织评价评审员" : "评审员评价组织";
}
