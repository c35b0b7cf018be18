using Biaogan.Web.Features.Criteria;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Infrastructure;

/// <summary>What the office does on the criteria pages, as steps for the criteria tests.</summary>
public static class CriteriaSteps
{
    /// <summary>Uploads a file on /Criteria and returns the result (the new draft's page when it worked).</summary>
    public static Task<FormResult> UploadAsync(PageClient office, byte[] content, string fileName) =>
        office.SubmitAsync("/Criteria", new Dictionary<string, string?>(), "#import-form",
            files: [new UploadFile("Upload", fileName, content)]);

    /// <summary>Imports <paramref name="doc"/> as JSON and returns the new draft's id.</summary>
    public static async Task<Guid> ImportAsync(PageClient office, CriteriaDocument doc)
    {
        var result = await UploadAsync(office, CriteriaJson.WriteBytes(doc), "criteria.json");
        Assert.Empty(result.Errors);
        Assert.StartsWith("/Criteria/Details/", result.Path);
        return Guid.Parse(result.Path["/Criteria/Details/".Length..]);
    }

    /// <summary>Presses 发布 on the version page.</summary>
    public static Task<FormResult> PublishAsync(PageClient office, Guid id) =>
        office.SubmitAsync($"/Criteria/Details/{id}", new Dictionary<string, string?>(), "#publish-form");

    /// <summary>Imports and publishes a small valid document under a code of its own; returns its id and key.</summary>
    public static async Task<(Guid Id, string Key)> PublishedAsync(PageClient office, CriteriaDocument? doc = null)
    {
        doc ??= CriteriaBuilders.Small();
        var id = await ImportAsync(office, doc);
        var published = await PublishAsync(office, id);
        Assert.Empty(published.Errors);
        return (id, doc.Code);
    }

    public static Task<CriteriaVersion> LoadAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Set<CriteriaVersion>().AsNoTracking().SingleAsync(v => v.Id == id));

    public static Task<Guid> IdOfAsync(AppFactory app, string key) =>
        app.WithDbAsync(db => db.Set<CriteriaVersion>().Where(v => v.Key == key).Select(v => v.Id).SingleAsync());
}
