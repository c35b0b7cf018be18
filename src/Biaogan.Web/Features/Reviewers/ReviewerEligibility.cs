namespace Biaogan.Web.Features.Reviewers;

/// <summary>The six conditions of 第十一条, in the order of the rules.</summary>
public enum EligibilityCondition
{
    /// <summary>（一）贯彻方针政策，熟悉质量、经济法律法规</summary>
    Conduct = 1,
    /// <summary>（二）大学或大学以上学历</summary>
    Education = 2,
    /// <summary>（三）《顾客关系管理评价准则》及评审方法培训</summary>
    Training = 3,
    /// <summary>（四）五年以上相关专业工作经历</summary>
    Experience = 4,
    /// <summary>（五）掌握评审的方法和技巧</summary>
    Ability = 5,
    /// <summary>（六）履行职责，遵守评审纪律</summary>
    Discipline = 6,
}

public enum EligibilityOutcome
{
    /// <summary>符合</summary>
    Met,
    /// <summary>不符合</summary>
    NotMet,
    /// <summary>待活动办公室判定</summary>
    NeedsJudgement,
}

/// <summary>What the check needs besides the profile: the office's settings and the day it is made.</summary>
/// <param name="MinimumExperienceYears">第十一条第四项: 五年以上 (a setting, default 5; “以上” includes five).</param>
public sealed record EligibilitySettings(int MinimumExperienceYears, DateOnly AsOf);

public sealed record EligibilityItem(EligibilityCondition Condition, string Title, EligibilityOutcome Outcome, string Explanation);

/// <summary>The item-by-item result, the computed experience, and the 优先 facts of 第十一条第四项.</summary>
public sealed record EligibilityReport(IReadOnlyList<EligibilityItem> Items, int ExperienceYears, IReadOnlyList<string> Preferences)
{
    public EligibilityOutcome Overall =>
        Items.Any(i => i.Outcome == EligibilityOutcome.NotMet) ? EligibilityOutcome.NotMet
        : Items.Any(i => i.Outcome == EligibilityOutcome.NeedsJudgement) ? EligibilityOutcome.NeedsJudgement
        : EligibilityOutcome.Met;

    public EligibilityItem this[EligibilityCondition c] => Items.First(i => i.Condition == c);

    /// <summary>“符合全部6项”, “2项不符合，1项待判定”.</summary>
    public string Summary
    {
        get
        {
            var notMet = Items.Count(i => i.Outcome == EligibilityOutcome.NotMet);
            var open = Items.Count(i => i.Outcome == EligibilityOutcome.NeedsJudgement);
            if (notMet == 0 && open == 0) return $"符合全部{Items.Count}项";
            var parts = new List<string>();
            if (notMet > 0) parts.Add($"{notMet}项不符合");
            if (open > 0) parts.Add($"{open}项待判定");
            return string.Join("，", parts);
        }
    }
}

/// <summary>
/// 第十一条, checked item by item from the profile alone (a pure function: no database, no clock). Items (一) and
/// (五) cannot be read from documents: (一) always needs the office's recorded judgement, (五) is shown by the
/// review-method training (“可通过评审专业培训获得”) or else by the office's judgement.
/// </summary>
public static class ReviewerEligibility
{
    public static string Title(EligibilityCondition c) => c switch
    {
        EligibilityCondition.Conduct => "（一）政治与法规",
        EligibilityCondition.Education => "（二）教育水平",
        EligibilityCondition.Training => "（三）培训要求",
        EligibilityCondition.Experience => "（四）工作经历",
        EligibilityCondition.Ability => "（五）评审能力",
        _ => "（六）评审纪律",
    };

    public static string Display(this EligibilityOutcome o) => o switch
    {
        EligibilityOutcome.Met => "符合",
        EligibilityOutcome.NotMet => "不符合",
        _ => "待判定",
    };

    public static EligibilityReport Evaluate(ReviewerProfile p, EligibilitySettings settings)
    {
        var years = RelevantExperienceYears(p.WorkPeriods, settings.AsOf.Year);
        var preferences = new List<string>();
        if (p.SatisfactionProgrammeExperience) preferences.Add("在企业负责用户满意工程推进工作");
        if (p.AwardReviewExperience) preferences.Add("有地方、行业奖项评审经历");
        var items = new List<EligibilityItem>
        {
            Judged(EligibilityCondition.Conduct, p.Conduct,
                "需由活动办公室根据了解的情况判定是否认真贯彻执行党的方针、政策，熟悉国家有关质量、经济的法律、法规和规定，并记录说明。"),
            Education(p),
            Training(p, settings.AsOf),
            Experience(p, years, settings.MinimumExperienceYears, preferences),
            Ability(p, settings.AsOf),
            Discipline(p),
        };
        return new EligibilityReport(items, years, preferences);
    }

    /// <summary>
    /// Years of 经营、销售、顾客关系管理、质量管理、技术 work: each period is the span from its start year to its end
    /// year (“至今” = <paramref name="currentYear"/>), so 2015—2020 counts 5 years; overlapping or adjoining
    /// periods are merged first, so time spent in two posts at once counts once.
    /// </summary>
    public static int RelevantExperienceYears(IEnumerable<ReviewerWorkPeriod> periods, int currentYear)
    {
        var spans = periods.Where(w => w.Field.IsRelevant())
            .Select(w => (From: w.FromYear, To: Math.Min(w.ToYear ?? currentYear, currentYear)))
            .Where(s => s.To > s.From)
            .OrderBy(s => s.From).ToList();
        var total = 0;
        int? start = null, end = null;
        foreach (var (from, to) in spans)
        {
            if (end is { } e && from <= e)
            {
                end = Math.Max(e, to);
                continue;
            }
            if (start is { } s0 && end is { } e0) total += e0 - s0;
            (start, end) = (from, to);
        }
        if (start is { } s1 && end is { } e1) total += e1 - s1;
        return total;
    }

    private static EligibilityItem Judged(EligibilityCondition c, OfficeJudgement j, string whenOpen)
    {
        if (!j.IsRecorded) return new(c, Title(c), EligibilityOutcome.NeedsJudgement, whenOpen);
        var when = j.JudgedAt is { } at ? Infrastructure.Time.ChinaTime.Format(at) : "";
        return new(c, Title(c), j.Met == true ? EligibilityOutcome.Met : EligibilityOutcome.NotMet,
            $"活动办公室{j.JudgedBy}于{when}判定{(j.Met == true ? "符合" : "不符合")}：{j.Note}");
    }

    private static EligibilityItem Education(ReviewerProfile p)
    {
        const EligibilityCondition c = EligibilityCondition.Education;
        if (p.EducationLevel is not { } level)
            return new(c, Title(c), EligibilityOutcome.NotMet, "尚未填写学历。第十一条要求具有大学或大学以上学历。");
        var detail = string.Join("，", new[] { p.Institution, p.Major, p.GraduationYear is { } y ? $"{y}年毕业" : null }.Where(s => !string.IsNullOrEmpty(s)));
        var text = level.Display() + (detail.Length > 0 ? $"（{detail}）" : "");
        return level >= EducationLevel.Bachelor
            ? new(c, Title(c), EligibilityOutcome.Met, $"{text}，具有大学或大学以上学历。")
            : new(c, Title(c), EligibilityOutcome.NotMet, $"{text}，未达到第十一条要求的大学或大学以上学历。");
    }

    private static EligibilityItem Training(ReviewerProfile p, DateOnly asOf)
    {
        const EligibilityCondition c = EligibilityCondition.Training;
        var parts = new List<string>();
        var missing = new List<string>();
        foreach (var kind in new[] { TrainingKind.EvaluationStandard, TrainingKind.ReviewMethod })
        {
            var done = p.Trainings.Where(t => t.Kind == kind && t.CompletedOn <= asOf).OrderByDescending(t => t.CompletedOn).FirstOrDefault();
            if (done is null) { missing.Add(kind.Display()); continue; }
            var certificate = done.CertificateFileId is null ? "，未上传证书" : "";
            parts.Add($"{done.Describe()}{(done.CertificateNumber is { } n ? $"，证书编号 {n}" : "")}{certificate}");
        }
        return missing.Count == 0
            ? new(c, Title(c), EligibilityOutcome.Met, "已接受两项培训：" + string.Join("；", parts) + "。")
            : new(c, Title(c), EligibilityOutcome.NotMet, "缺少" + string.Join("和", missing) + "的记录。"
                + (parts.Count > 0 ? "已有：" + string.Join("；", parts) + "。" : ""));
    }

    private static EligibilityItem Experience(ReviewerProfile p, int years, int minimum, IReadOnlyList<string> preferences)
    {
        const EligibilityCondition c = EligibilityCondition.Experience;
        var prefer = preferences.Count > 0 ? $"优先条件：{string.Join("；", preferences)}。" : "";
        var counted = p.WorkPeriods.Count(w => w.Field.IsRelevant());
        var basis = counted == 0 ? "尚未填写经营、销售、顾客关系管理、质量管理或技术方面的工作经历" : $"相关专业工作经历合计 {years} 年（重叠期间只计一次）";
        return years >= minimum
            ? new(c, Title(c), EligibilityOutcome.Met, $"{basis}，达到{minimum}年以上的要求。{prefer}")
            : new(c, Title(c), EligibilityOutcome.NotMet, $"{basis}，不足{minimum}年。{prefer}");
    }

    private static EligibilityItem Ability(ReviewerProfile p, DateOnly asOf)
    {
        const EligibilityCondition c = EligibilityCondition.Ability;
        // The office's explicit judgement decides when it exists; otherwise the training shows the ability.
        if (p.Ability.IsRecorded) return Judged(c, p.Ability, "");
        var training = p.Trainings.Where(t => t.Kind == TrainingKind.ReviewMethod && t.CompletedOn <= asOf)
            .OrderByDescending(t => t.CompletedOn).FirstOrDefault();
        return training is not null
            ? new(c, Title(c), EligibilityOutcome.Met, $"已通过评审专业培训掌握评审方法：{training.Describe()}。")
            : new(c, Title(c), EligibilityOutcome.NeedsJudgement,
                "没有评审方法培训记录。请补充培训记录，或由活动办公室根据其评审经历判定是否掌握评审的方法和技巧。");
    }

    private static EligibilityItem Discipline(ReviewerProfile p)
    {
        const EligibilityCondition c = EligibilityCondition.Discipline;
        var revocation = p.Sanctions.Where(s => s.Kind == SanctionKind.Revocation).OrderByDescending(s => s.DecidedOn).FirstOrDefault();
        if (revocation is not null)
            return new(c, Title(c), EligibilityOutcome.NotMet, $"{revocation.DecidedOn:yyyy年M月d日}被撤销评审员资格：{revocation.Reason}");
        var lesser = p.Sanctions.Where(s => s.Kind != SanctionKind.Revocation).OrderBy(s => s.DecidedOn).ToList();
        return new(c, Title(c), EligibilityOutcome.Met, lesser.Count == 0
            ? "没有违反评审纪律的处分记录。"
            : $"未被撤销资格；另有处分记录 {lesser.Count} 次（{string.Join("、", lesser.Select(s => $"{s.DecidedOn:yyyy-MM-dd} {s.Kind.Display()}"))}），供聘用时参考。");
    }
}
