using Biaogan.Tests.Infrastructure;
using System.Diagnostics;
using Biaogan.Web.Infrastructure.Pdf;

namespace Biaogan.Tests.DocumentReview;

/// <summary>The PDF layer (Infrastructure/Pdf): Chinese text that poppler can read back, wrapping, tables, page numbers.</summary>
[NoDatabase]
public class PdfWriterTests
{
    internal static string PdfToText(byte[] pdf, string? folder = null)
    {
        var dir = folder ?? Directory.CreateTempSubdirectory("biaogan-pdf-").FullName;
        var path = Path.Combine(dir, "doc.pdf");
        File.WriteAllBytes(path, pdf);
        var psi = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "pdftotext failed: " + p.StandardError.ReadToEnd());
        return text;
    }

    private static PdfDocument Sample(int paragraphs) => new("资料评审反馈报告（样张）", "全国用户满意标杆活动办公室",
    [
        new PdfHeading("资料评审反馈报告", 1),
        new PdfFacts([("申报组织", "样张科技股份有限公司"), ("申报编号", "BG2026-0001"), ("申报类别", "企业类")]),
        new PdfHeading("一、总体评价"),
        .. Enumerable.Range(1, paragraphs).Select(i => (PdfBlock)new PdfParagraph(
            $"第{i}段：贵组织建立了以顾客为中心的满意度测评体系，覆盖 ISO 9001:2015 质量管理体系的全部过程，近三年满意度指数由 81.5 提升至 84.0，呈持续改进趋势。", FirstLineIndent: true)),
        new PdfHeading("二、各类目得分档"),
        new PdfTable(["类目", "分值", "得分档", "说明"],
            [["4.1 领导", "100", "50%–65%", "方法系统、展开较充分"], ["4.2 顾客关系管理策划", "120", "30%–45%", "尚未形成闭环（已在多数部门展开）"]],
            [3f, 1f, 1.5f, 4f]),
    ]);

    [Fact]
    public void A_Chinese_document_prints_text_that_pdftotext_reads_back()
    {
        var pdf = PdfWriter.Render(Sample(3));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = PdfToText(pdf);
        Assert.Contains("资料评审反馈报告", text);
        Assert.Contains("样张科技股份有限公司", text);
        Assert.Contains("顾客关系管理策划", text);
        Assert.Contains("84.0", text);
        Assert.Contains("第1页／共1页", text);
    }

    [Fact]
    public void Long_text_flows_onto_further_pages_with_page_numbers()
    {
        using var stream = new MemoryStream();
        var pages = PdfWriter.Render(Sample(60), stream);
        Assert.True(pages >= 3, $"expected several pages, got {pages}");
        var text = PdfToText(stream.ToArray());
        Assert.Contains($"第{pages}页／共{pages}页", text);
        Assert.Contains("第60段", text);
    }

    [Fact]
    public void Chinese_lines_break_inside_the_width_and_never_start_with_a_comma()
    {
        var (regular, _) = CjkFonts.Faces;
        using var font = new SkiaSharp.SKFont(regular, 10.5f);
        var text = string.Concat(Enumerable.Repeat("评审意见，改进机会。", 30));
        var lines = TextWrap.Lines(text, font, 200);
        Assert.True(lines.Count > 5);
        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines, l => Assert.False(l.StartsWith('，') || l.StartsWith('。'), l));
        Assert.All(lines, l => Assert.True(font.MeasureText(l) <= 200 + 2 * 10.5f, l));
    }

    [Fact]
    public void Latin_words_and_numbers_are_not_split_when_the_line_has_room()
    {
        var (regular, _) = CjkFonts.Faces;
        using var font = new SkiaSharp.SKFont(regular, 10.5f);
        var lines = TextWrap.Lines("质量管理体系 ISO9001-2015-certification 以及 GB/T19580-2012 标准", font, 200);
        Assert.Contains(lines, l => l.Contains("ISO9001-2015-certification"));
    }
}
