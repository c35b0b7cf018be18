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

    /// <summary>
    /// How many leading bytes decide the kind: an upload is checked on these before anything is stored. 64 KB holds
    /// the first entries of an Office Open XML package ([Content_Types].xml, then word/ or xl/ parts).
    /// </summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>The kind of the file at <paramref name="path"/>, judged by its first <see cref="HeadBytes"/>.</summary>
    public static (string? Kind, string Description) Detect(string path, string claimedName)
    {
        var head = new byte[HeadBytes];
        int n;
        using (var f = File.OpenRead(path)) n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Detect(head.AsSpan(0, n), claimedName);
    }

    /// <summary>The kind of a file from its first bytes, or a description of what it is instead.</summary>
    public static (string? Kind, string Description) Detect(ReadOnlySpan<byte> head, string claimedName)
    {
        var n = head.Length;
        var h = head[..Math.Min(16, n)];
        if (h.StartsWith("%PDF-"u8)) return ("pdf", Known["pdf"].Name);
        if (h.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ("png", Known["png"].Name);
        if (h.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return ("jpg", Known["jpg"].Name);
        if (h.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            // OLE compound file: .doc and .xls share the container; the claimed extension picks between them.
            var ext = Path.GetExtension(claimedName).TrimStart('.').ToLowerInvariant();
            return ext is "xls" ? ("xls", Known["xls"].Name) : ("doc", Known["doc"].Name);
        }
        if (h.StartsWith("PK\u0003\u0004"u8)) return DetectZip(head);
        if (h.StartsWith("MZ"u8) || h.StartsWith("\u007fELF"u8)) return (null, "可执行程序");
        if (h.StartsWith("GIF8"u8)) return (null, "GIF 图片");
        if (h.StartsWith("Rar!"u8) || h.StartsWith("7z"u8)) return (null, "压缩包");
        if (n > 0 && h.ToArray().All(b => b is 0x09 or 0x0A or 0x0D || b >= 0x20)) return (null, "纯文本或网页文件");
        return (null, n == 0 ? "空文件" : "无法识别的文件");
    }

    /// <summary>
    /// Reads the entry names of the ZIP's local file headers found in the head (the central directory at the end is
    /// not needed, so an upload can be judged before the rest arrives).
    /// </summary>
    private static (string? Kind, string Description) DetectZip(ReadOnlySpan<byte> head)
    {
        var names = new List<string>();
        var signature = "PK\u0003\u0004"u8;
        for (var at = head.IndexOf(signature); at >= 0 && at + 30 <= head.Length;)
        {
            var nameLength = head[at + 26] | head[at + 27] << 8;
            if (at + 30 + nameLength <= head.Length)
                names.Add(System.Text.Encoding.UTF8.GetString(head.Slice(at + 30, nameLength)));
            var next = head[(at + 4)..].IndexOf(signature);
            at = next < 0 ? -1 : at + 4 + next;
        }
        if (names.Count == 0) return (null, "损坏的压缩文件");
        if (names.Contains("[Content_Types].xml"))
        {
            if (names.Any(x => x.StartsWith("word/", StringComparison.Ordinal))) return ("docx", Known["docx"].Name);
            if (names.Any(x => x.StartsWith("xl/", StringComparison.Ordinal))) return ("xlsx", Known["xlsx"].Name);
            return (null, "其他 Office 文档");
        }
        return (null, "ZIP 压缩包");
    }
}
