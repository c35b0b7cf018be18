using SkiaSharp;

namespace Biaogan.Web.Infrastructure.Pdf;

/// <summary>Horizontal anchor of a <see cref="PdfText"/>: X is its left edge, its centre or its right edge.</summary>
public enum PdfAlign { Left, Center, Right }

/// <summary>Something placed at a fixed position on a <see cref="PdfSheet"/> (points, origin top left).</summary>
public abstract record PdfMark;

/// <summary>
/// Text whose baseline starts at <paramref name="Y"/>. With <paramref name="WrapWidth"/> it wraps (避头尾, see
/// <see cref="TextWrap"/>) and each line is anchored by <paramref name="Align"/>; lines are <paramref name="LineSpacing"/> × size apart.
/// </summary>
public sealed record PdfText(string Text, float X, float Y, float Size, bool Bold = false, PdfAlign Align = PdfAlign.Left,
    uint Color = 0xFF1F2937, float? WrapWidth = null, float LineSpacing = 1.6f) : PdfMark;

/// <summary>A PNG or JPEG image scaled into the box (aspect ratio kept, centred in it).</summary>
public sealed record PdfImage(byte[] Encoded, float X, float Y, float Width, float Height) : PdfMark;

/// <summary>A rectangle: stroked in <paramref name="Color"/>, or filled when <paramref name="Filled"/>.</summary>
public sealed record PdfFrame(float X, float Y, float Width, float Height, uint Color, float StrokeWidth = 1f, bool Filled = false) : PdfMark;

/// <summary>A square grid of dark modules (a QR code) drawn as vector squares, <paramref name="Size"/> points wide.</summary>
public sealed record PdfModules(bool[,] Dark, float X, float Y, float Size) : PdfMark;

/// <summary>
/// One page laid out by hand — a certificate rather than a report: every mark at a fixed position. Rendered with the same
/// Chinese fonts and searchable text runs as <see cref="PdfWriter"/>, without its running footer.
/// </summary>
public sealed record PdfSheet(string Title, float Width, float Height, IReadOnlyList<PdfMark> Marks)
{
    /// <summary>A4 landscape, in points.</summary>
    public const float A4LandscapeWidth = PdfWriter.PageHeight, A4LandscapeHeight = PdfWriter.PageWidth;

    /// <summary>The PDF bytes. Throws <see cref="CjkFontMissingException"/> when no Chinese font is installed.</summary>
    public byte[] Render()
    {
        var (regular, bold) = CjkFonts.Faces;
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata { Title = Title, Creator = "全国用户满意标杆活动管理系统", Producer = "Biaogan", RasterDpi = 300 };
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            using var canvas = pdf.BeginPage(Width, Height);
            foreach (var mark in Marks) Draw(canvas, mark, regular, bold);
            pdf.EndPage();
            pdf.Close();
        }
        return stream.ToArray();
    }

    private static void Draw(SKCanvas canvas, PdfMark mark, SKTypeface regular, SKTypeface bold)
    {
        switch (mark)
        {
            case PdfText t:
                using (var font = new SKFont(t.Bold ? bold : regular, t.Size))
                using (var paint = new SKPaint { Color = new SKColor(t.Color), IsAntialias = true })
                {
                    var lines = t.WrapWidth is { } w ? TextWrap.Lines(t.Text, font, w) : [t.Text];
                    var y = t.Y;
                    foreach (var line in lines)
                    {
                        var width = font.MeasureText(line);
                        var x = t.Align switch { PdfAlign.Center => t.X - width / 2, PdfAlign.Right => t.X - width, _ => t.X };
                        PdfWriter.DrawTextRun(canvas, line, x, y, font, paint);
                        y += t.Size * t.LineSpacing;
                    }
                }
                break;
            case PdfImage i:
                using (var image = SKImage.FromEncodedData(i.Encoded))
                {
                    if (image is null) break;
                    var scale = Math.Min(i.Width / image.Width, i.Height / image.Height);
                    var (w, h) = (image.Width * scale, image.Height * scale);
                    var rect = SKRect.Create(i.X + (i.Width - w) / 2, i.Y + (i.Height - h) / 2, w, h);
                    using var paint = new SKPaint { IsAntialias = true };
                    canvas.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
                }
                break;
            case PdfFrame f:
                using (var paint = new SKPaint { Color = new SKColor(f.Color), IsStroke = !f.Filled, StrokeWidth = f.StrokeWidth, IsAntialias = true })
                    canvas.DrawRect(f.X, f.Y, f.Width, f.Height, paint);
                break;
            case PdfModules q:
                using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false })
                {
                    var n = q.Dark.GetLength(0);
                    var cell = q.Size / n;
                    using var white = new SKPaint { Color = SKColors.White };
                    canvas.DrawRect(q.X, q.Y, q.Size, q.Size, white);
                    for (var r = 0; r < n; r++)
                        for (var c = 0; c < n; c++)
                            if (q.Dark[r, c]) canvas.DrawRect(q.X + c * cell, q.Y + r * cell, cell + 0.05f, cell + 0.05f, paint);
                }
                break;
        }
    }
}
