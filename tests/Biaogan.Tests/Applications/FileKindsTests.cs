using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Files;

namespace Biaogan.Tests.Applications;

[NoDatabase]
public class FileKindsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("biaogan-kinds-").FullName;

    private (string? Kind, string Description) Detect(byte[] bytes, string claimedName)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, bytes);
        return FileKinds.Detect(path, claimedName);
    }

    public static TheoryData<string, string> RealFiles() => new()
    {
        { "pdf", "测评报告.pdf" }, { "png", "证书.png" }, { "jpg", "现场照片.jpg" }, { "docx", "管理制度.docx" }, { "xlsx", "测评数据.xlsx" },
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Each_allowed_type_is_recognised_by_its_content(string kind, string name)
    {
        var bytes = kind switch
        {
            "pdf" => SampleFiles.Pdf(), "png" => SampleFiles.Png(), "jpg" => SampleFiles.Jpg(),
            "docx" => SampleFiles.Docx(), _ => SampleFiles.Xlsx(),
        };
        Assert.Equal(kind, Detect(bytes, name).Kind);
    }

    [Fact]
    public void The_name_does_not_matter_a_pdf_named_png_is_still_a_pdf()
    {
        Assert.Equal("pdf", Detect(SampleFiles.Pdf(), "照片.png").Kind);
    }

    [Fact]
    public void An_executable_renamed_to_pdf_is_recognised_as_a_program()
    {
        var (kind, description) = Detect(SampleFiles.Exe(), "测评报告.pdf");
        Assert.Null(kind);
        Assert.Equal("可执行程序", description);
    }

    [Fact]
    public void An_empty_file_is_described_as_empty()
    {
        var (kind, description) = Detect([], "空白.pdf");
        Assert.Null(kind);
        Assert.Equal("空文件", description);
    }

    [Fact]
    public void Plain_text_is_not_an_allowed_document()
    {
        var (kind, description) = Detect(SampleFiles.Text(), "说明.pdf");
        Assert.Null(kind);
        Assert.Equal("纯文本或网页文件", description);
    }

    [Fact]
    public void A_zip_that_is_not_an_office_document_is_refused()
    {
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, true))
            using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open())) w.Write("hello");
        Assert.Null(Detect(ms.ToArray(), "材料.docx").Kind);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
