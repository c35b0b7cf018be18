using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Lists;

/// <summary>下载全部材料 (ZIP): every stored file of an application, read from the file store, with UTF-8 Chinese names; same gate as one file.</summary>
public class MaterialsZipTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<List<StoredFile>> FilesAsync(Guid applicationId) => app.WithDbAsync(db =>
        db.Set<StoredFile>().Where(f => f.OwnerId == applicationId && f.RemovedAt == null).ToListAsync());

    private static async Task<(ZipArchive Zip, byte[] Bytes)> ZipAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read), bytes);
    }

    private static string Sha(ZipArchiveEntry e)
    {
        using var s = e.Open();
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }

    [Fact]
    public async Task The_office_gets_every_file_of_an_application_in_one_zip_with_utf8_chinese_names()
    {
        var body = await Cast.RecommenderAsync(app);
        var applicant = await Cast.ApplicantAsync(app, "打包戊有限公司");
        var id = await ApplicationsBuilders.SubmittedAsync(app, applicant, body);
        var stored = await FilesAsync(id);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));

        var (zip, bytes) = await ZipAsync(await office.Http.GetAsync($"/Applications/{id}/Materials.zip"));
        Assert.Equal(stored.Count, zip.Entries.Count);
        Assert.Contains(zip.Entries, e => e.FullName == $"{FilePurpose.Declaration}/声明书.pdf");
        Assert.Contains(zip.Entries, e => e.FullName == $"{FilePurpose.Evidence}/用户满意度管理制度汇编.pdf");
        foreach (var file in stored)
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/" + file.FileName) && Sha(e) == file.Sha256.ToLowerInvariant());
        // the first local header's general-purpose flags (offset 6) carry bit 11: the name is UTF-8
        Assert.Equal(0x0800, BitConverter.ToUInt16(bytes, 6) & 0x0800);

        var api = await ZipAsync(await office.Http.GetAsync($"/api/applications/{id}/materials.zip"));
        Assert.Equal(stored.Count, api.Zip.Entries.Count);
    }

    [Fact]
    public async Task Another_organisation_and_an_unseated_reviewer_get_404_and_a_seated_reviewer_gets_the_current_files()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "打包己", size: 2, declared: 1);
        var stranger = await Cast.SignInAsync(app, await Cast.ApplicantAsync(app, "无关己有限公司"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/Applications/{review.ApplicationId}/Materials.zip")).StatusCode);
        var undeclared = await Cast.SignInAsync(app, review.Members.Single().Persona);
        Assert.Equal(HttpStatusCode.NotFound, (await undeclared.Http.GetAsync($"/DocumentReview/Materials/{review.ApplicationId}.zip")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await undeclared.Http.GetAsync($"/Applications/{review.ApplicationId}/Materials.zip")).StatusCode);

        var leader = await Cast.SignInAsync(app, review.Leader.Persona);
        var page = await leader.GetAsync($"/DocumentReview/Application/{review.ApplicationId}");
        Assert.Equal($"/DocumentReview/Materials/{review.ApplicationId}.zip", page.QuerySelector("#materials-zip")!.GetAttribute("href"));
        var (zip, _) = await ZipAsync(await leader.Http.GetAsync($"/DocumentReview/Materials/{review.ApplicationId}.zip"));
        Assert.Equal((await FilesAsync(review.ApplicationId)).Count, zip.Entries.Count);
        // the applicant's own address stays closed to the reviewer, as for single files
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Http.GetAsync($"/Applications/{review.ApplicationId}/Materials.zip")).StatusCode);
    }
}
