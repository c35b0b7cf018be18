using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Infrastructure.Pdf;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.OnSite;

/// <summary>现场评审报告 (第十九条) printed with the shared PDF layer (Infrastructure/Pdf).</summary>
public static class OnSiteReportPdf
{
    public static byte[] Render(SiteVisitView view) => PdfWriter.Render(Document(view));

    public static string FileName(SiteVisitView view) => $"现场评审报告-{view.Number ?? view.Organization}.pdf";

    public static PdfDocument Document(SiteVisitView view)
    {
        var v = view.Visit;
        var blocks = new List<PdfBlock>
        {
            new PdfHeading("现场评审报告", 1),
            new PdfFacts([
                ("年度活动", view.CycleName), ("申报组织", view.Organization), ("申报编号", view.Number ?? "—"), ("申报类别", view.Category),
                ("现场评审日期", OnSiteText.Dates(v)), ("报告状态", StatusLine(v)),
            ]),
            new PdfHeading("一、现场评审专家组"),
            new PdfTable(["姓名", "组内角色"], view.ActiveTeam.Select(t => (IReadOnlyList<string>)[t.Name, t.Role.Display()]).ToList(), [3f, 2f]),
            new PdfHeading("二、现场评审日程"),
        };
        blocks.Add(new PdfParagraph("评审地点：" + (v.Sites.Count == 0 ? "待定" : string.Join("；", v.Sites))));
        if (v.Agenda.Count > 0)
            blocks.Add(new PdfTable(["时间", "活动内容", "参加人员"],
                v.Agenda.Select(a => (IReadOnlyList<string>)[a.Time, a.Activity, a.Participants]).ToList(), [2f, 3f, 3f]));
        blocks.Add(new PdfHeading("三、各条目资料评审与现场评审得分率"));
        blocks.Add(new PdfTable(["条目", "分值", "资料评审", "现场评审", "调整说明"],
            v.Items.Select(i => (IReadOnlyList<string>)[$"{i.ItemCode} {view.ItemName(i.ItemCode)}", view.ItemPoints(i.ItemCode).ToString(),
                OnSiteText.Percent(i.DocumentPercent), OnSiteText.Percent(i.Percent), i.Percent == i.DocumentPercent ? "" : i.Reason]).ToList(),
            [4f, 1f, 1.3f, 1.3f, 4f]));
        var (document, onSite) = v.ResultFinal ? (v.DocumentScore!.Value, v.OnSiteScore!.Value) : OnSiteScoring.Points(v, view.Criteria);
        blocks.Add(new PdfParagraph($"资料评审得分 {OnSiteText.Points(document)} 分，现场评审得分 {OnSiteText.Points(onSite)} 分（满分 {view.Criteria.TotalPoints} 分；" +
                                    "得分 = Σ 条目分值 × 得分率）" + (v.ResultFinal ? "。" : "，以活动办公室确认为准。"), Muted: true));
        blocks.Add(new PdfHeading("四、待核实问题及核实情况"));
        if (v.Issues.Count == 0) blocks.Add(new PdfParagraph("资料评审未留下需现场核实的问题。", Muted: true));
        var n = 0;
        foreach (var issue in v.Issues)
        {
            var outcome = issue.Outcome.Display() + (issue.Outcome == IssueOutcome.ScoreChanged
                ? $"（{OnSiteText.Percent(issue.FromPercent)} → {OnSiteText.Percent(issue.ToPercent)}）" : "");
            blocks.Add(new PdfHeading($"{++n}. 条目 {issue.ItemCode} {view.ItemName(issue.ItemCode)}：{outcome}", 3));
            blocks.Add(new PdfParagraph("待核实内容：" + issue.Question));
            if (issue.InterviewNotes.Length > 0) blocks.Add(new PdfParagraph("访谈记录：" + issue.InterviewNotes));
            if (issue.DocumentNotes.Length > 0) blocks.Add(new PdfParagraph("查阅资料记录：" + issue.DocumentNotes));
        }
        blocks.Add(new PdfHeading("五、存在的问题"));
        var problems = v.ProblemList;
        if (problems.Count == 0) blocks.Add(new PdfParagraph("专家组未列出存在的问题。", Muted: true));
        blocks.AddRange(problems.Select((p, i) => new PdfParagraph($"{i + 1}. {p}")));
        blocks.Add(new PdfHeading("六、现场评审意见"));
        var opinion = v.Opinion.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (opinion.Length == 0) blocks.Add(new PdfParagraph("尚未填写。", Muted: true));
        blocks.AddRange(opinion.Select(p => new PdfParagraph(p, FirstLineIndent: true)));
        blocks.Add(new PdfHeading("七、确认"));
        blocks.Add(new PdfFacts([
            ("专家组组长确认", v.LeaderApprovedAt is { } l ? $"{view.Leader?.Name}　{ChinaTime.Format(l)}" : "尚未确认"),
            ("活动办公室确认", v.OfficeApprovedAt is { } o ? ChinaTime.Format(o) : "尚未确认"),
            ("发送申报组织", v.ReleasedAt is { } r ? ChinaTime.Format(r) : "尚未发送"),
        ]));
        blocks.Add(new PdfSpace(12));
        blocks.Add(new PdfParagraph("本报告依据《全国用户满意标杆管理办法实施细则》第十九条出具，供申报组织改进参考，请勿对外公开。", Muted: true));
        return new PdfDocument($"现场评审报告 — {view.Organization}", "全国用户满意标杆活动办公室", blocks);
    }

    private static string StatusLine(SiteVisit v) => v.Status == SiteVisitStatus.Released && v.ReleasedAt is { } at
        ? $"已发送（{ChinaTime.Format(at)}）" : v.Status.Display() + "（未发送，仅供专家组和活动办公室审核）";
}
