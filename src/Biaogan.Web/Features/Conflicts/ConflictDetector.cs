namespace Biaogan.Web.Features.Conflicts;

/// <summary>
/// 利益冲突检测 — pure and fast: every application × every reviewer against the cycle's rules. Organisations match by
/// 统一社会信用代码 when both sides have one, otherwise (where the rule allows) by normalised name; an empty code or
/// name never matches. Names and codes are interned to integers once (<see cref="ConflictPool"/>), so a pair costs a
/// few integer comparisons; the Chinese evidence is written only for the pairs that match.
/// </summary>
public static class ConflictDetector
{
    /// <summary>All conflicts between every applicant and every reviewer of the pool.</summary>
    public static List<ConflictFinding> DetectAll(ConflictPool pool, ConflictRuleSet rules)
    {
        var found = new List<ConflictFinding>();
        for (var a = 0; a < pool.Applicants.Length; a++)
            for (var r = 0; r < pool.Reviewers.Length; r++)
                EvaluatePair(pool, a, r, rules, found);
        return found;
    }

    /// <summary>The conflicts of one pair, e.g. for a unit test or a single check.</summary>
    public static List<ConflictFinding> Evaluate(ApplicantFacts applicant, ReviewerFacts reviewer, ConflictRuleSet rules) =>
        DetectAll(new ConflictPool([applicant], [reviewer]), rules);

    /// <summary>Adds the findings of applicant <paramref name="a"/> × reviewer <paramref name="r"/> (pool indices).</summary>
    public static void EvaluatePair(ConflictPool pool, int a, int r, ConflictRuleSet rules, List<ConflictFinding> into)
    {
        ref readonly var app = ref pool.Applicants[a];
        ref readonly var rev = ref pool.Reviewers[r];
        var window = rules.WindowStart;
        for (var i = rev.EmployerStart; i < rev.EmployerEnd; i++)
        {
            ref readonly var e = ref pool.Employers[i];
            var recent = e.To >= window && e.From <= rules.Year;
            var sameOrg = false;
            if (recent && rules.Employment.Enabled)
            {
                var how = Match(app.Uscc, app.Name, e.Uscc, e.Name, rules.Employment.MatchByName);
                if (how != MatchKind.None)
                {
                    sameOrg = true;
                    var f = pool.EmployerFacts[i];
                    Add(into, pool, a, r, ConflictSource.Employment, $"{f.Years} 任职于“{f.Name}”（{Say(how)}）");
                }
            }
            // 推荐单位: current staff only (a period that reaches the cycle's year).
            if (rules.RecommendingBody.Enabled && app.Body != 0 && e.Name == app.Body && e.To >= rules.Year && e.From <= rules.Year)
            {
                var f = pool.EmployerFacts[i];
                Add(into, pool, a, r, ConflictSource.RecommendingBody, $"现任职于“{f.Name}”，即该申报的推荐单位");
            }
            if (recent && !sameOrg && rules.EnterpriseGroup.Enabled && SameGroup(app, e))
            {
                var f = pool.EmployerFacts[i];
                var group = pool.ApplicantFacts[a].GroupName ?? f.GroupName ?? pool.ApplicantFacts[a].OrganizationName;
                Add(into, pool, a, r, ConflictSource.EnterpriseGroup, $"{f.Years} 任职于“{f.Name}”，与申报组织同属“{group}”");
            }
        }
        for (var i = rev.RelationStart; i < rev.RelationEnd; i++)
        {
            ref readonly var t = ref pool.Relations[i];
            var consulting = t.Kind == RelationKind.Consulting;
            var rule = consulting ? rules.Consulting : rules.PersonalRelation;
            if (!rule.Enabled) continue;
            if (consulting && !(t.To >= window && t.From <= rules.Year)) continue;
            var how = Match(app.Uscc, app.Name, t.Uscc, t.Name, rule.MatchByName);
            if (how == MatchKind.None) continue;
            var f = pool.RelationFacts[i];
            if (consulting)
                Add(into, pool, a, r, ConflictSource.Consulting, $"{f.Years} 为“{f.OrganizationName}”提供咨询服务：{f.Description}（{Say(how)}）");
            else
                Add(into, pool, a, r, ConflictSource.PersonalRelation, $"{f.Kind.Display()}：{f.Description}（“{f.OrganizationName}”，{Say(how)}）");
        }
    }

    private enum MatchKind { None, Uscc, Name }

    /// <summary>统一社会信用代码 first: when both sides have one, only the codes decide; otherwise the normalised names.</summary>
    private static MatchKind Match(int orgUscc, int orgName, int uscc, int name, bool byName)
    {
        if (orgUscc != 0 && uscc != 0) return orgUscc == uscc ? MatchKind.Uscc : MatchKind.None;
        return byName && orgName != 0 && orgName == name ? MatchKind.Name : MatchKind.None;
    }

    /// <summary>Same group: the applicant's group is the employer's group or the employer itself, or the employer's group is the applicant.</summary>
    private static bool SameGroup(in ConflictPool.Applicant app, in ConflictPool.Employer e) =>
        (app.Group != 0 && (e.Group == app.Group || e.Name == app.Group)) || (e.Group != 0 && e.Group == app.Name);

    private static string Say(MatchKind how) => how == MatchKind.Uscc ? "统一社会信用代码一致" : "单位名称一致";

    private static void Add(List<ConflictFinding> into, ConflictPool pool, int a, int r, ConflictSource source, string evidence) =>
        into.Add(new ConflictFinding(pool.ApplicantFacts[a].ApplicationId, pool.ReviewerFacts[r].ReviewerId, source, evidence));
}
