using SkiaSharp;

namespace Biaogan.Web.Infrastructure.Pdf;

/// <summary>
/// Prints a <see cref="PdfDocument"/> as an A4 PDF with Chinese text (Noto Sans CJK SC through SkiaSharp): headings,
/// wrapped paragraphs, tables whose header repeats on each page, and “第N页／共M页” in the footer. Layout runs
/// first (so the page count is known), then drawing. Stateless and thread-safe; used by the feedback reports
/// (资料评审反馈报告), the on-site review reports and the approval work report; certificates have their own layout.
/// </summary>
public static class PdfWriter
{
    internal const float PageWidth = 595.28f, PageHeight = 841.89f, Margin = 56f, FooterGap = 28f;
    internal const float ContentWidth = PageWidth - 2 * Margin, Bottom = PageHeight - Margin - FooterGap;
    private const float BodySize = 10.5f, MutedSize = 9f, CellPadding = 4f, LineSpacing = 1.5f;

    private static readonly SKColor Ink = new(0x1F, 0x29, 0x37), Grey = new(0x6B, 0x72, 0x80),
        RuleColor = new(0x9C, 0xA3, 0xAF), HeaderFill = new(0xEE, 0xF2, 0xF7), Accent = new(0x9F, 0x12, 0x39);

    /// <summary>The PDF bytes. Throws <see cref="CjkFontMissingException"/> when no Chinese font is installed.</summary>
    public static byte[] Render(PdfDocument document)
    {
        using var stream = new MemoryStream();
        Render(document, stream);
        return stream.ToArray();
    }

    /// <summary>Writes the PDF to <paramref name="output"/> and returns the number of pages.</summary>
    public static int Render(PdfDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (regular, bold) = CjkFonts.Faces;
        var pages = new PdfLayout(regular, bold).Run(document.Blocks);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title, Creator = "全国用户满意标杆活动管理系统", Producer = "Biaogan", RasterDpi = 150,
        };
        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                using var canvas = pdf.BeginPage(PageWidth, PageHeight);
                foreach (var op in pages[i]) Draw(canvas, op, regular, bold);
                DrawFooter(canvas, regular, document.Footer, i + 1, pages.Count);
                pdf.EndPage();
            }
            pdf.Close();
        }
        return pages.Count;
    }

    private static void Draw(SKCanvas canvas, DrawOp op, SKTypeface regular, SKTypeface bold)
    {
        switch (op)
        {
            case TextOp t:
                using (var font = new SKFont(t.Bold ? bold : regular, t.Size))
                using (var paint = new SKPaint { Color = t.Color, IsAntialias = true })
                    DrawTextRun(canvas, t.Text, t.X, t.Y, font, paint);
                break;
            case RectOp r:
                using (var paint = new SKPaint { Color = r.Fill ?? RuleColor, IsStroke = r.Fill is null, StrokeWidth = 0.6f })
                    canvas.DrawRect(r.X, r.Y, r.Width, r.Height, paint);
                break;
            case LineOp l:
                using (var paint = new SKPaint { Color = l.Color, StrokeWidth = l.Width, IsStroke = true })
                    canvas.DrawLine(l.X1, l.Y1, l.X2, l.Y2, paint);
                break;
        }
    }

    private static void DrawFooter(SKCanvas canvas, SKTypeface face, string footer, int page, int total)
    {
        using var font = new SKFont(face, 8.5f);
        using var paint = new SKPaint { Color = Grey, IsAntialias = true };
        using var rule = new SKPaint { Color = RuleColor, StrokeWidth = 0.5f };
        var y = PageHeight - Margin + 4;
        canvas.DrawLine(Margin, y - 14, PageWidth - Margin, y - 14, rule);
        if (footer.Length > 0) DrawTextRun(canvas, footer, Margin, y, font, paint);
        var number = $"第{page}页／共{total}页";
        DrawTextRun(canvas, number, PageWidth - Margin - font.MeasureText(number), y, font, paint);
    }

    /// <summary>
    /// Draws text as a glyph run that carries its UTF-8 text and clusters. Noto CJK maps one glyph to several code
    /// points (页 and the radical ⻚); with the text attached, Skia writes /ActualText so that copying or searching the
    /// PDF gives back the characters that were printed, not the radicals.
    /// </summary>
    internal static void DrawTextRun(SKCanvas canvas, string text, float x, float y, SKFont font, SKPaint paint)
    {
        if (text.Length == 0) return;
        var glyphs = font.GetGlyphs(text);
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        var clusters = new uint[glyphs.Length];
        uint offset = 0;
        var g = 0;
        for (var i = 0; i < text.Length && g < glyphs.Length; i++)
        {
            var pair = char.IsSurrogatePair(text, i);
            clusters[g++] = offset;
            offset += (uint)System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(i, pair ? 2 : 1));
            if (pair) i++;
        }
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocateHorizontalTextRun(font, glyphs.Length, y, utf8.Length);
        run.SetGlyphs(glyphs);
        run.SetPositions(font.GetGlyphOffsets(glyphs, x));
        run.SetText(utf8);
        run.SetClusters(clusters);
        using var blob = builder.Build();
        if (blob is not null) canvas.DrawText(blob, 0, 0, paint);
    }

    internal abstract record DrawOp;
    internal sealed record TextOp(string Text, float X, float Y, float Size, bool Bold, SKColor Color) : DrawOp;
    internal sealed record RectOp(float X, float Y, float Width, float Height, SKColor? Fill) : DrawOp;
    internal sealed record LineOp(float X1, float Y1, float X2, float Y2, SKColor Color, float Width) : DrawOp;

    internal static (float Size, bool Bold, SKColor Color, float Before, float After) HeadingStyle(int level) => level switch
    {
        1 => (18f, true, Accent, 0f, 14f),
        2 => (13.5f, true, Ink, 12f, 6f),
        _ => (11.5f, true, Ink, 8f, 4f),
    };

    internal static (float Size, SKColor Color) ParagraphStyle(bool muted) => muted ? (MutedSize, Grey) : (BodySize, Ink);

    internal static float LineHeight(float size) => size * LineSpacing;

    internal static float Padding => CellPadding;

    internal static SKColor HeaderBackground => HeaderFill;

    internal static SKColor Rule => RuleColor;

    internal static SKColor Text => Ink;
}
