using Biaogan.Web.Infrastructure.Pdf;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.DocumentReview.Feedback;

/// <summary>What the report's header shows about the applicant.</summary>
public sealed record FeedbackHeader(string CycleName, string Organization, string? Number, string Category, DateTimeOffset? ReleasedAt,
    string StandardCode = "");

/// <summary>The feedback report printed with the shared PDF layer (Infrastructure/Pdf).</summary>
public static class FeedbackPdf
{
    public static PdfDocument Document(FeedbackReport report, FeedbackHeader header)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfHeading("资料评审反馈报告", 1),
            new PdfFacts([
                ("年度活动", header.CycleName), ("申报组织", header.Organization), ("申报编号", header.Number ?? "—"),
                ("申报类别", header.Category),
                ("报告状态", report.IsReleased && header.ReleasedAt is { } at ? $"已发放（{ChinaTime.Format(at)}）" : FeedbackReport.StatusDisplay(report.Status) + "（未发放，仅供审核）"),
            ]),
        };
        if (header.StandardCode.Length > 0 && Criteria.CriteriaPlaceholders.PendingFor(header.StandardCode))
            blocks.Add(new PdfParagraph(Criteria.CriteriaPlaceholders.Notice(header.StandardCode), Bold: true));
        blocks.Add(new PdfHeading("一、总体评价"));
        blocks.AddRange(report.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(p => new PdfParagraph(p.Trim(), FirstLineIndent: true)));
        blocks.Add(new PdfHeading("二、各类目得分档"));
        blocks.Add(new PdfTable(["类目", "分值", "达到的得分档"],
            report.Sections.Select(s => (IReadOnlyList<string>)[$"{s.CategoryCode} {s.CategoryName}", s.Points.ToString(), s.Band]).ToList(),
            [5f, 1f, 2f]));
        blocks.Add(new PdfParagraph("得分档按专家组一致性评审确认的各条目得分率、以条目分值加权计算后确定。", Muted: true));
        blocks.Add(new PdfHeading("三、优势与改进机会"));
        foreach (var s in report.Sections)
        {
            blocks.Add(new PdfHeading($"{s.CategoryCode} {s.CategoryName}（得分档 {s.Band}）", 3));
            blocks.Add(new PdfParagraph("优势", Bold: true));
            blocks.AddRange(Points(s.Strengths, "专家组未列出该类目的优势。"));
            blocks.Add(new PdfParagraph("改进机会", Bold: true));
            blocks.AddRange(Points(s.Opportunities, "专家组未列出该类目的改进机会。"));
        }
        blocks.Add(new PdfSpace(12));
        blocks.Add(new PdfParagraph("本报告依据《全国用户满意标杆活动实施细则》第十八条出具，仅供申报组织改进参考，请勿对外公开。", Muted: true));
        return new PdfDocument($"资料评审反馈报告 — {header.Organization}", "全国用户满意标杆活动办公室", blocks);
    }

    private static IEnumerable<PdfBlock> Points(string text, string none)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0) return [new PdfParagraph(none, Muted: true)];
        return lines.Select(l => new PdfParagraph(l, Bullet: true));
    }
}
