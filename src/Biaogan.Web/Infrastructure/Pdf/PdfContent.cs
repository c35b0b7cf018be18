namespace Biaogan.Web.Infrastructure.Pdf;

/// <summary>One block of a PDF document, laid out top to bottom on A4 pages by <see cref="PdfWriter"/>.</summary>
public abstract record PdfBlock;

/// <summary>标题: level 1 is the document title (centred), 2 a section, 3 a sub-section.</summary>
public sealed record PdfHeading(string Text, int Level = 2) : PdfBlock;

/// <summary>
/// 正文段落, wrapped to the page width; <paramref name="Muted"/> prints it smaller and grey (notes, hints),
/// <paramref name="Bullet"/> puts a “·” before it with the wrapped lines hanging under the text, <paramref name="Bold"/>
/// prints a run-in label (优势：).
/// </summary>
public sealed record PdfParagraph(string Text, bool Muted = false, bool FirstLineIndent = false, bool Bullet = false, bool Bold = false) : PdfBlock;

/// <summary>
/// 表格 with a shaded header row repeated on every page it continues to. <paramref name="Widths"/> are relative
/// column widths (equal when null); cells wrap.
/// </summary>
public sealed record PdfTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<float>? Widths = null) : PdfBlock;

/// <summary>Label–value pairs (申报编号：…) printed as a two-column table without a header.</summary>
public sealed record PdfFacts(IReadOnlyList<(string Label, string Value)> Items) : PdfBlock;

/// <summary>Vertical space in points.</summary>
public sealed record PdfSpace(float Points = 8) : PdfBlock;

/// <summary>Starts a new page.</summary>
public sealed record PdfPageBreak : PdfBlock;

/// <summary>
/// A document to print: its title (PDF metadata), a footer line printed on every page beside “第N页／共M页”,
/// and its blocks.
/// </summary>
public sealed record PdfDocument(string Title, string Footer, IReadOnlyList<PdfBlock> Blocks);
