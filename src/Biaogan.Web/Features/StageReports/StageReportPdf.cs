using System.Globalization;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Infrastructure.Pdf;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.StageReports;

/// <summary>The two stage work reports as Chinese PDFs (Infrastructure/Pdf), with the 审议 record of the draft at the end.</summary>
public static class StageReportPdf
{
    public static PdfDocument Document(StageReportView view)
    {
        var r = view.Report;
        var blocks = new List<PdfBlock>
        {
            new PdfHeading($"{view.Year}年度全国用户满意标杆{r.Kind.Display()}", 1),
            new PdfFacts([("年度活动", view.CycleName), ("报告对象", "评审委员会"), ("稿次", $"第 {r.Revision} 稿"),
                ("生成时间", ChinaTime.Format(r.GeneratedAt)), ("数据版本", r.DataVersion[..12]),
                ("审议状态", view.StatusText)]),
        };
        if (view.Stale) blocks.Add(new PdfParagraph("注意：本稿生成后评审数据已发生变化，本稿已过期。请活动办公室重新生成，审议将重新开始。", Bold: true));
        blocks.AddRange(view.DocumentReview is { } d ? DocumentReviewBlocks(d) : OnSiteBlocks(view.OnSite!));
        blocks.Add(new PdfHeading("审议情况（第九条）"));
        if (view.Members.Count == 0) blocks.Add(new PdfParagraph("评审委员会尚无委员。", Muted: true));
        else
            blocks.Add(new PdfTable(["委员", "审议意见", "时间"], view.Members.Select(m => (IReadOnlyList<string>)[
                m.Name + (m.Conflicted ? "（有回避事项）" : ""),
                m.Response is null ? "尚未审议" : m.Response.Agreed ? "同意" + (m.Response.Comment.Length > 0 ? $"。{m.Response.Comment}" : "") : $"意见：{m.Response.Comment}",
                m.Response is null ? "—" : ChinaTime.Format(m.Response.RespondedAt)]).ToList(), [2f, 6f, 2.4f]));
        blocks.Add(new PdfSpace(12));
        blocks.Add(new PdfParagraph("本报告由系统根据评审记录自动生成，供评审委员会审议。内部文件，请勿外传。", Muted: true));
        return new PdfDocument($"{view.Year}年度{r.Kind.Display()}", "全国用户满意标杆活动办公室", blocks);
    }

    private static IEnumerable<PdfBlock> DocumentReviewBlocks(DocumentReviewReportData d)
    {
        yield return new PdfHeading("一、各类别申报与评审数量");
        yield return new PdfTable(["类别", "提交申报", "通过资格审查", "完成一致性评审", "建议进入现场评审"],
            d.Categories.Select(c => (IReadOnlyList<string>)[c.Category, N(c.Submitted), N(c.Qualified), N(c.Reviewed), N(c.Proposed)]).ToList(),
            [1.4f, 1.2f, 1.4f, 1.6f, 1.8f]);
        yield return new PdfHeading("二、资料评审专家组与评分离散情况");
        if (d.Groups.Count == 0) yield return new PdfParagraph("本年度尚未组建资料评审专家组。", Muted: true);
        else
            yield return new PdfTable(["类别", "申报", "人数", "组长", "评分表", "一致性总分", "平均", "最低", "最高", "极差"],
                d.Groups.Select(g => (IReadOnlyList<string>)[g.Category, g.Application, N(g.Members), g.Leader, N(g.Sheets), P(g.Consensus),
                    P(g.Mean), P(g.Min), P(g.Max), P(g.Spread)]).ToList(), [1f, 3.4f, 0.8f, 1.2f, 1f, 1.3f, 1.1f, 1.1f, 1.1f, 1f]);
        foreach (var s in d.Spreads)
            yield return new PdfParagraph($"{s.Category}：{s.Applications} 项申报有评分，平均极差 {P(s.MeanSpread)} 分，平均标准差 {P(s.MeanStdDev)} 分；" +
                $"极差最大的是 {s.WidestApplication}（{P(s.WidestSpread)} 分）；一致性总分在 {P(s.ConsensusLow)} 至 {P(s.ConsensusHigh)} 分之间。");
        yield return new PdfHeading("三、利益冲突的申报与处理");
        if (d.Conflicts.Count == 0) yield return new PdfParagraph("本阶段没有申报或发现利益冲突。", Muted: true);
        else
            yield return new PdfTable(["类型", "申报", "人员", "来源", "处理"],
                d.Conflicts.Select(c => (IReadOnlyList<string>)[c.Kind, c.Application, c.Person, c.Source, c.Handling]).ToList(), [1.6f, 3f, 1.2f, 2.6f, 2.6f]);
        yield return new PdfHeading("四、建议进入现场评审的名单（入围评议结果）");
        if (d.Proposals.Count == 0) yield return new PdfParagraph("评审委员会的入围评议结果尚未记录。", Muted: true);
        else
            yield return new PdfTable(["类别", "排名", "申报", "一致性总分", "建议", "同意/不同意/回避", "理由"],
                d.Proposals.Select(p => (IReadOnlyList<string>)[p.Category, p.Rank > 0 ? N(p.Rank) : "—", p.Application, P(p.Consensus),
                    p.Selected ? "进入现场评审" : "不进入", $"{p.VotesFor}/{p.VotesAgainst}/{p.Recused}", p.Reason]).ToList(),
                [1f, 0.8f, 3f, 1.3f, 1.4f, 1.5f, 3f]);
    }

    private static IEnumerable<PdfBlock> OnSiteBlocks(OnSiteReportData o)
    {
        yield return new PdfHeading("一、现场评审安排与结果");
        if (o.Visits.Count == 0) yield return new PdfParagraph("本年度尚未安排现场评审。", Muted: true);
        else
            yield return new PdfTable(["类别", "申报", "日期", "地点", "组长", "人数", "状态", "资料评审", "现场评审", "变化"],
                o.Visits.Select(v => (IReadOnlyList<string>)[v.Category, v.Application, v.Dates, v.Sites, v.Leader, N(v.Members), v.Status,
                    M(v.DocumentScore), M(v.OnSiteScore), v.Change is { } c ? c.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "—"]).ToList(),
                [0.9f, 2.6f, 1.8f, 1.8f, 1f, 0.7f, 1.4f, 1f, 1f, 0.9f]);
        yield return new PdfHeading("二、待核实问题及核实结果");
        var closed = o.Issues.Count(i => i.Outcome != "待核实");
        yield return new PdfParagraph($"共 {o.Issues.Count} 个待核实问题，已关闭 {closed} 个：" +
            string.Join("，", o.Issues.GroupBy(i => i.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()} 个")) + "。");
        if (o.Issues.Count > 0)
            yield return new PdfTable(["申报", "条目", "问题", "结果", "得分率变化"],
                o.Issues.Select(i => (IReadOnlyList<string>)[i.Application, i.ItemCode, i.Question, i.Outcome,
                    i.FromPercent is { } f && i.ToPercent is { } t ? $"{f}% → {t}%" : "—"]).ToList(), [2.6f, 0.8f, 4f, 1.2f, 1.4f]);
        yield return new PdfHeading("三、资料评审与现场评审的评分变化");
        if (o.ScoreChanges.Count == 0) yield return new PdfParagraph("现场评审没有调整任何条目的得分率。", Muted: true);
        else
            yield return new PdfTable(["申报", "条目", "资料评审", "现场评审", "理由"],
                o.ScoreChanges.Select(c => (IReadOnlyList<string>)[c.Application, c.ItemCode, Pct(c.DocumentPercent), Pct(c.OnSitePercent), c.Reason]).ToList(),
                [2.6f, 0.8f, 1.1f, 1.1f, 4.4f]);
        yield return new PdfHeading("四、建议推荐名单（综合评价结果）");
        if (o.Recommendations.Count == 0 && o.NoRecommendation.Count == 0) yield return new PdfParagraph("综合评价结果尚未记录。", Muted: true);
        if (o.Recommendations.Count > 0)
            yield return new PdfTable(["类别", "序号", "申报", "综合得分", "建议", "同意/不同意/回避", "理由"],
                o.Recommendations.Select(x => (IReadOnlyList<string>)[x.Category, x.Rank is { } k ? N(k) : "—", x.Application, M(x.CombinedScore),
                    x.Recommended ? "推荐" : "不推荐", $"{x.VotesFor}/{x.VotesAgainst}/{x.Recused}", x.Reason]).ToList(),
                [1f, 0.8f, 3f, 1.2f, 1f, 1.5f, 3f]);
        foreach (var n in o.NoRecommendation) yield return new PdfParagraph(n);
    }

    internal static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
    internal static string P(double? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—";
    internal static string M(decimal? v) => v is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—";
    internal static string Pct(int? v) => v is { } x ? $"{x}%" : "—";
}
