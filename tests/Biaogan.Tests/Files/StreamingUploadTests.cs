using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Files;

/// <summary>Uploads are read once as they arrive, stopped at the limit, and leave no temporary or orphan file.</summary>
public class StreamingUploadTests
{
    /// <summary>The cycle's default single-file limit (CycleSettings.MaxFileSizeMb = 20).</summary>
    private const long Limit = 20L * 1024 * 1024;

    private static async Task<(Guid Id, HttpClient Api)> DraftAsync(AppFactory app, string orgName)
    {
        var applicant = await Cast.ApplicantAsync(app, orgName);
        var id = await ApplicationsBuilders.DraftAsync(app, applicant);
        var signedIn = await Cast.SignInAsync(app, applicant);
        var token = (await signedIn.ApiAsync()).DefaultRequestHeaders.GetValues("X-CSRF-TOKEN").Single();
        // The client without the redirect handler: that one copies a request body into memory to be able to resend it.
        signedIn.NoRedirects.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
        return (id, signedIn.NoRedirects);
    }

    internal static async Task<JsonElement> UploadPdfAsync(HttpClient api, Guid id, Guid? replaces = null)
    {
        var form = new MultipartFormDataContent { { new StringContent("evidence"), "purpose" } };
        if (replaces is { } r) form.Add(new StringContent(r.ToString()), "replaces");
        form.Add(new ByteArrayContent(SampleFiles.Pdf()), "file", "证实性材料.pdf");
        var response = await api.PostAsync($"/api/applications/{id}/files", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task<List<string>> BlobsAsync(AppFactory app)
    {
        var keys = new List<string>();
        await foreach (var b in app.Services.GetRequiredService<IFileStore>().ListAsync()) keys.Add(b.Key);
        return keys;
    }

    private static string[] AspNetTempFiles() => Directory.GetFiles(Path.GetTempPath(), "ASPNETCORE_*");

    [Theory]
    [MemberData(nameof(FileStores.Names), MemberType = typeof(FileStores))]
    public async Task A_2_GB_upload_is_refused_with_413_after_reading_about_the_limit_and_leaves_no_file(string store)
    {
        await using var app = new NodeFactory(store);
        var (id, api) = await DraftAsync(app, "大文件申报有限公司");
        var tempBefore = AspNetTempFiles();

        var body = new GeneratedUpload(2L * 1024 * 1024 * 1024, declareLength: false).Typed();
        using var response = await api.PostAsync($"/api/applications/{id}/files", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("超过 20 MB 的单个文件大小上限", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.InRange(body.Served, Limit, Limit + 4 * 1024 * 1024);
        Assert.Empty(await BlobsAsync(app));
        Assert.Empty(AspNetTempFiles().Except(tempBefore));
        Assert.False(await app.WithDbAsync(db => db.Set<StoredFile>().AnyAsync(f => f.OwnerId == id)));
    }

    [Theory]
    [MemberData(nameof(FileStores.Names), MemberType = typeof(FileStores))]
    public async Task An_upload_whose_Content_Length_is_over_the_limit_is_refused_before_its_body_is_read(string store)
    {
        await using var app = new NodeFactory(store);
        var (id, api) = await DraftAsync(app, "声明长度申报有限公司");

        var body = new GeneratedUpload(2L * 1024 * 1024 * 1024, declareLength: true).Typed();
        using var response = await api.PostAsync($"/api/applications/{id}/files", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("超过上限：每个文件不超过 20 MB", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        // The in-process test server pulls at most one buffer of the request ahead of the application; the application read none of it.
        Assert.InRange(body.Served, 0, 1024 * 1024);
        Assert.Empty(await BlobsAsync(app));
    }

    [Theory]
    [MemberData(nameof(FileStores.Names), MemberType = typeof(FileStores))]
    public async Task An_upload_at_the_limit_is_stored_once_with_its_SHA_256_and_downloads_whole(string store)
    {
        await using var app = new NodeFactory(store);
        var (id, api) = await DraftAsync(app, "限额文件申报有限公司");

        var body = new GeneratedUpload(Limit, declareLength: false).Typed();
        using var response = await api.PostAsync($"/api/applications/{id}/files", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var file = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Limit, file.GetProperty("size").GetInt64());
        Assert.Single(await BlobsAsync(app));
        var download = await api.GetAsync(file.GetProperty("downloadUrl").GetString());
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(Limit, bytes.LongLength);
        Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Theory]
    [MemberData(nameof(FileStores.Names), MemberType = typeof(FileStores))]
    public async Task The_file_of_an_upload_that_lost_a_version_race_is_removed(string store)
    {
        await using var app = new NodeFactory(store);
        var (id, api) = await DraftAsync(app, "版本竞争申报有限公司");
        var logical = (await UploadPdfAsync(api, id)).GetProperty("logicalId").GetGuid();
        string loserKey = "";

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var loser = await sp.GetRequiredService<FileStore>().SaveAsync(new MemoryStream(SampleFiles.Pdf()), "第二版.pdf",
                new UploadRequest("Application", id, FilePurpose.Evidence, "", ["pdf"], Limit, logical));
            loserKey = loser.StorageKey;
            Assert.Equal(2, loser.VersionNo);
            // Meanwhile another upload of the same document commits version 2 first.
            Assert.Equal(2, (await UploadPdfAsync(api, id, replaces: logical)).GetProperty("versionNo").GetInt32());
            Assert.Contains(loserKey, await BlobsAsync(app));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });

        var blobs = await BlobsAsync(app);
        Assert.DoesNotContain(loserKey, blobs);
        Assert.Equal(2, blobs.Count);
    }

    [Theory]
    [MemberData(nameof(FileStores.Names), MemberType = typeof(FileStores))]
    public async Task A_stored_blob_without_a_row_is_swept_once_the_grace_period_is_over(string store)
    {
        await using var app = new NodeFactory(store);
        var (id, api) = await DraftAsync(app, "孤立文件申报有限公司");
        var kept = (await UploadPdfAsync(api, id)).GetProperty("id").GetGuid();
        var blobs = app.Services.GetRequiredService<IFileStore>();
        await using (var orphan = await blobs.CreateAsync("2026/11/crashed-before-commit"))
        {
            await orphan.WriteAsync(SampleFiles.Pdf());
            await orphan.CompleteAsync();
        }
        var written = TimeProvider.System.GetUtcNow();

        async Task<int> SweepAsync()
        {
            var removed = 0;
            await app.WithScopeAsync(async sp => removed = await sp.GetRequiredService<OrphanSweeper>().SweepAsync());
            return removed;
        }

        app.Clock.SetUtcNow(written.AddHours(1));
        Assert.Equal(0, await SweepAsync());
        app.Clock.SetUtcNow(written.AddHours(25));
        Assert.Equal(1, await SweepAsync());

        Assert.Equal([await app.WithDbAsync(db => db.Set<StoredFile>().Where(f => f.Id == kept).Select(f => f.StorageKey).SingleAsync())],
            await BlobsAsync(app));
    }
}
