using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Criteria;

/// <summary>
/// An uploaded criteria file, recognised by its first bytes (an .xlsx is a ZIP package, a JSON file starts
/// with “{”), never by its name.
/// </summary>
public static class CriteriaUpload
{
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>Reads the file as JSON or Excel. Excel row problems come back as the result's errors.</summary>
    public static async Task<(CriteriaDocument? Document, IReadOnlyList<string> Errors, string Source)> ReadAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
            throw new DomainRuleException("请选择要导入的文件（本系统导出的 .json 或 .xlsx 文件）。");
        if (upload.Length > MaxBytes)
            throw new DomainRuleException("文件超过 2 MB，不像是一份评价准则。请确认选择了正确的 .json 或 .xlsx 文件。");
        using var buffer = new MemoryStream();
        await using (var s = upload.OpenReadStream()) await s.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        buffer.Position = 0;
        if (IsZip(bytes))
        {
            var result = CriteriaExcel.Read(buffer);
            return (result.Document, result.Errors, "Excel 文件");
        }
        if (IsJson(bytes)) return (CriteriaJson.Read(buffer), [], "JSON 文件");
        throw new DomainRuleException("只能导入本系统导出的 JSON（.json）或 Excel（.xlsx）文件。旧版 .xls 请先在 Excel 中另存为 .xlsx。");
    }

    private static bool IsZip(byte[] b) => b.Length > 4 && b[0] == 0x50 && b[1] == 0x4B && b[2] == 0x03 && b[3] == 0x04;

    private static bool IsJson(byte[] b)
    {
        var i = b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
        while (i < b.Length && b[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i < b.Length && b[i] == (byte)'{';
    }
}
