using SkiaSharp;
using static Biaogan.Web.Infrastructure.Pdf.PdfWriter;

namespace Biaogan.Web.Infrastructure.Pdf;

/// <summary>Turns blocks into positioned drawing operations, page by page (the first pass of <see cref="PdfWriter"/>).</summary>
internal sealed class PdfLayout(SKTypeface regular, SKTypeface bold)
{
    private readonly List<List<DrawOp>> pages = [];
    private List<DrawOp> page = null!;
    private float y;

    public List<List<DrawOp>> Run(IReadOnlyList<PdfBlock> blocks)
    {
        NewPage();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case PdfHeading h: Heading(h); break;
                case PdfParagraph p: Paragraph(p); break;
                case PdfTable t: Table(t.Headers, t.Rows, t.Widths, header: true); break;
                case PdfFacts f: Table([], f.Items.Select(i => (IReadOnlyList<string>)[i.Label, i.Value]).ToList(), [1f, 3f], header: false); break;
                case PdfSpace s: y += s.Points; break;
                case PdfPageBreak: NewPage(); break;
            }
        }
        return pages;
    }

    private void NewPage()
    {
        page = [];
        pages.Add(page);
        y = Margin;
    }

    private void Heading(PdfHeading h)
    {
        var (size, isBold, color, before, after) = HeadingStyle(h.Level);
        using var font = new SKFont(isBold ? bold : regular, size);
        var lines = TextWrap.Lines(h.Text, font, ContentWidth);
        var height = lines.Count * LineHeight(size);
        // A heading is never the last thing on a page: keep room for two body lines after it.
        if (y > Margin && y + before + height + after + 2 * LineHeight(10.5f) > Bottom) NewPage();
        else if (y > Margin) y += before;
        foreach (var line in lines)
        {
            y += LineHeight(size);
            var x = h.Level == 1 ? Margin + (ContentWidth - font.MeasureText(line)) / 2 : Margin;
            page.Add(new TextOp(line, x, y - size * 0.4f, size, isBold, color));
        }
        if (h.Level == 1) page.Add(new LineOp(Margin, y + 4, Margin + ContentWidth, y + 4, Rule, 0.8f));
        y += after;
    }

    private void Paragraph(PdfParagraph p)
    {
        var (size, color) = ParagraphStyle(p.Muted);
        using var font = new SKFont(p.Bold ? bold : regular, size);
        var indent = p.FirstLineIndent ? "\u3000\u3000" : "";
        var hang = p.Bullet ? size * 1.2f : 0f;
        var first = true;
        foreach (var line in TextWrap.Lines(indent + p.Text, font, ContentWidth - hang))
        {
            if (y + LineHeight(size) > Bottom) NewPage();
            y += LineHeight(size);
            if (p.Bullet && first) page.Add(new TextOp("·", Margin + size * 0.2f, y - size * 0.4f, size, false, color));
            page.Add(new TextOp(line, Margin + hang, y - size * 0.4f, size, p.Bold, color));
            first = false;
        }
        y += size * 0.5f;
    }

    private void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<float>? widths, bool header)
    {
        var columns = header ? headers.Count : rows.FirstOrDefault()?.Count ?? 0;
        if (columns == 0) return;
        var relative = widths is { Count: > 0 } w && w.Count == columns ? w : Enumerable.Repeat(1f, columns).ToList();
        var scale = ContentWidth / relative.Sum();
        var colWidths = relative.Select(r => r * scale).ToArray();
        const float size = 9.5f;
        using var font = new SKFont(regular, size);
        using var boldFont = new SKFont(bold, size);

        List<string>[] Wrap(IReadOnlyList<string> cells, SKFont f) => Enumerable.Range(0, columns)
            .Select(c => TextWrap.Lines(c < cells.Count ? cells[c] ?? "" : "", f, colWidths[c] - 2 * Padding)).ToArray();
        float Height(List<string>[] cells) => cells.Max(c => c.Count) * LineHeight(size) + 2 * Padding;

        var head = header ? Wrap(headers, boldFont) : null;
        if (head is not null)
        {
            if (y + Height(head) + LineHeight(size) * 2 > Bottom && y > Margin) NewPage();
            Row(head, Height(head), size, isHeader: true, colWidths);
        }
        foreach (var row in rows)
        {
            var cells = Wrap(row, font);
            var h = Height(cells);
            if (y + h > Bottom && y > Margin + (head is null ? 0 : Height(head)))
            {
                NewPage();
                if (head is not null) Row(head, Height(head), size, isHeader: true, colWidths);
            }
            Row(cells, h, size, isHeader: false, colWidths, labelColumn: !header);
        }
        y += 8;
    }

    private void Row(List<string>[] cells, float height, float size, bool isHeader, float[] widths, bool labelColumn = false)
    {
        var x = Margin;
        if (isHeader) page.Add(new RectOp(Margin, y, ContentWidth, height, HeaderBackground));
        if (labelColumn) page.Add(new RectOp(Margin, y, widths[0], height, HeaderBackground));
        for (var c = 0; c < cells.Length; c++)
        {
            page.Add(new RectOp(x, y, widths[c], height, null));
            var ly = y + Padding;
            foreach (var line in cells[c])
            {
                ly += LineHeight(size);
                page.Add(new TextOp(line, x + Padding, ly - size * 0.45f, size, isHeader || (labelColumn && c == 0), PdfWriter.Text));
            }
            x += widths[c];
        }
        y += height;
    }
}
