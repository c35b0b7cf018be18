using System.IO.Compression;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>
/// Recognises a file's real type from its bytes (magic numbers, and the inside of ZIP containers for
/// Office Open XML), never from its name or the browser's claimed content type.
/// </summary>
public static class FileKinds
{
    public static readonly IReadOnlyDictionary<string, (string Name, string ContentType)> Known = new Dictionary<string, (string, string)>
    {
        ["pdf"] = ("PDF 文档", "application/pdf"),
        ["jpg"] = ("JPEG 图片", "image/jpeg"),
        ["png"] = ("PNG 图片", "image/png"),
        ["docx"] = ("Word 文档（.docx）", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ["xlsx"] = ("Excel 表格（.xlsx）", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ["doc"] = ("Word 97-2003 文档（.doc）", "application/msword"),
        ["xls"] = ("Excel 97-2003 表格（.xls）", "application/vnd.ms-excel"),
    };

    /// <summary>The kind of the file at <paramref name="path"/>, or a description of what it is instead.</summary>
    public static (string? Kind, string Description) Detect(string path, string claimedName)
    {
        Span<byte> head = stackalloc byte[16];
        int n;
        using (var f = File.OpenRead(path)) n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var h = head[..n];
        if (h.StartsWith("%PDF-"u8)) return ("pdf", Known["pdf"].Name);
        if (h.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ("png", Known["png"].Name);
        if (h.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return ("jpg", Known["jpg"].Name);
        if (h.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            // OLE compound file: .doc and .xls share the container; the claimed extension picks between them.
            var ext = Path.GetExtension(claimedName).TrimStart('.').ToLowerInvariant();
            return ext is "xls" ? ("xls", Known["xls"].Name) : ("doc", Known["doc"].Name);
        }
        if (h.StartsWith("PK\u0003\u0004"u8)) return DetectZip(path);
        if (h.StartsWith("MZ"u8) || h.StartsWith("\u007fELF"u8)) return (null, "可执行程序");
        if (h.StartsWith("GIF8"u8)) return (null, "GIF 图片");
        if (h.StartsWith("Rar!"u8) || h.StartsWith("7z"u8)) return (null, "压缩包");
        if (n > 0 && h.ToArray().All(b => b is 0x09 or 0x0A or 0x0D || b >= 0x20)) return (null, "纯文本或网页文件");
        return (null, n == 0 ? "空文件" : "无法识别的文件");
    }

    private static (string? Kind, string Description) DetectZip(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Any(x => x.StartsWith("word/", StringComparison.Ordinal))) return ("docx", Known["docx"].Name);
                if (names.Any(x => x.StartsWith("xl/", StringComparison.Ordinal))) return ("xlsx", Known["xlsx"].Name);
                return (null, "其他 Office 文档");
            }
            return (null, "ZIP 压缩包");
        }
        catch (InvalidDataException)
        {
            return (null, "损坏的压缩文件");
        }
    }
}
