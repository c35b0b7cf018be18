using Biaogan.Web.Infrastructure.Pdf;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>确认结果公告 as a Chinese PDF the office sends to newspapers, magazines and websites (第二十四条 “在报刊、杂志、网络等媒体上予以公布”).</summary>
public static class AnnouncementPdf
{
    public static PdfDocument Document(Announcement a)
    {
        var confirmed = a.Lines.Count(l => l.Result == nameof(EntryResult.Confirmed));
        var blocks = new List<PdfBlock>
        {
            new PdfHeading($"全国用户满意标杆获奖三年确认结果公告", 1),
            new PdfParagraph(a.Title, Bold: true),
            new PdfParagraph(a.Preface ?? $"根据《全国用户满意标杆评审实施细则》第二十四条，领导小组对获奖三年的全国用户满意标杆的经营管理、综合绩效的稳定性及发展趋势进行了确认。本批共 {a.Lines.Count} 个标杆，其中确认有效 {confirmed} 个，不予确认 {a.Lines.Count - confirmed} 个。现将结果公布如下。", FirstLineIndent: true),
            new PdfTable(["获奖组织", "类别", "获奖年度", "证书编号", "确认结果", "决定日期", "说明"],
                a.Lines.Select(l => (IReadOnlyList<string>)[l.Organization, l.Category, $"{l.AwardYear}年度", l.CertificateNumber, l.ResultText,
                    ChinaTime.Format(l.DecidedOn), l.PublicReason ?? "—"]).ToList(), [3f, 1.6f, 1f, 1.8f, 1.4f, 1.5f, 2.6f]),
            new PdfSpace(12),
            new PdfParagraph("证书真伪及标杆当前状态可在全国用户满意标杆名录和证书核验页面查询。", Muted: true),
            new PdfParagraph($"全国用户满意标杆活动办公室　{ChinaTime.Format(DateOnly.FromDateTime(a.PublishedAt.ToChina().DateTime))}"),
        };
        return new PdfDocument(a.Title + "结果公告", "全国用户满意标杆活动办公室", blocks);
    }

    public static string FileName(Announcement a) => $"{a.Title}结果公告.pdf";
}
