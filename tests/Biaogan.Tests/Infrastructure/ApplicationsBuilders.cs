using System.IO.Compression;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// Builders for applications (申报) shared by the application, recommendation and qualification tests:
/// an open cycle, a draft, a complete draft (all fields, every measurement year with its report, the
/// declaration file, evidence, a recommending body), a submitted one, and sample files of each type.
/// Everything is written through the real services (ApplicationWorkflow, ApplicationFiles, FileStore).
/// </summary>
public static class ApplicationsBuilders
{
    /// <summary>The cycle open for applications in this database (2026 by default), created and opened if none is.</summary>
    public static async Task<Cycle> OpenCycleAsync(AppFactory app, Action<CycleSettings>? configure = null, int year = 2026)
    {
        return await app.WithDbAsync(async db =>
        {
            if (await db.Set<Cycle>().FirstOrDefaultAsync(c => c.Status == CycleStatus.Open) is { } open) return open;
            var now = app.Clock.GetUtcNow();
            var cycle = new Cycle(year, now);
            configure?.Invoke(cycle.Settings);
            cycle.ApprovedByLeadingGroup(now).Open(false, now);
            db.Add(cycle);
            db.AddRange(await LeadingGroupKit.ApprovedCommitteesAsync(db, cycle, now));
            await db.SaveChangesAsync();
            return cycle;
        });
    }

    /// <summary>Changes the settings of the open cycle (e.g. a small file-size limit for a test).</summary>
    public static async Task UpdateSettingsAsync(AppFactory app, Action<CycleSettings> change)
    {
        await OpenCycleAsync(app);
        await app.WithDbAsync(async db =>
        {
            var cycle = await db.Set<Cycle>().FirstAsync(c => c.Status == CycleStatus.Open);
            change(cycle.Settings);
            await db.SaveChangesAsync();
        });
    }

    /// <summary>A new draft of the persona's organisation in the open cycle.</summary>
    public static async Task<Guid> DraftAsync(AppFactory app, Persona applicant)
    {
        await OpenCycleAsync(app);
        Guid id = default;
        await app.WithScopeAsync(async sp =>
            id = (await sp.GetRequiredService<ApplicationWorkflow>().CreateAsync(applicant.OrganizationId!.Value)).Id);
        return id;
    }

    /// <summary>A draft with everything filled in and uploaded, ready to submit to <paramref name="recommender"/>'s body.</summary>
    /// <param name="indices">Satisfaction indices of the measured years, oldest first (default 81.5, 82.3, 84.0).</param>
    public static async Task<Guid> CompleteAsync(AppFactory app, Persona applicant, Persona recommender, decimal[]? indices = null)
    {
        var id = await DraftAsync(app, applicant);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var files = sp.GetRequiredService<ApplicationFiles>();
            var a = await db.Set<Application>().FirstAsync(x => x.Id == id);
            var cycle = await db.Set<Cycle>().FirstAsync(c => c.Id == a.CycleId);
            var now = app.Clock.GetUtcNow();
            Fill(a, CriteriaCatalog.ForCycle(cycle.StandardCode), indices);
            foreach (var m in a.Measurements)
                m.ReportFileId = (await UploadAsync(files, a, cycle, $"{m.Year}年满意度测评报告.pdf", FilePurpose.MeasurementReport)).LogicalId;
            a.DeclarationFileId = (await UploadAsync(files, a, cycle, "声明书.pdf", FilePurpose.Declaration)).LogicalId;
            await UploadAsync(files, a, cycle, "用户满意度管理制度汇编.pdf", FilePurpose.Evidence, "用户满意度管理制度汇编");
            a.ChooseRecommendingBody(recommender.RecommendingBodyId!.Value, now);
            a.Touch(now);
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>A complete application submitted to the recommending body (status 待推荐, numbered).</summary>
    public static async Task<Guid> SubmittedAsync(AppFactory app, Persona applicant, Persona recommender, decimal[]? indices = null)
    {
        var id = await CompleteAsync(app, applicant, recommender, indices);
        await SubmitAsync(app, id);
        return id;
    }

    /// <summary>The organisation submits the application (again, after the body declined), as its details page does.</summary>
    public static Task SubmitAsync(AppFactory app, Guid id) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<ApplicationWorkflow>().SubmitAsync(id, null));

    public static Task<Application> LoadAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Set<Application>().AsNoTracking().FirstAsync(a => a.Id == id));

    /// <summary>Fills every typed field of an application so that only files decide completeness.</summary>
    public static void Fill(Application a, CriteriaOutline outline, decimal[]? indices = null)
    {
        indices ??= [81.5m, 82.3m, 84.0m];
        a.Category = AwardCategory.Enterprise;
        a.QmsCertificateNumber = "00124Q31234R2L";
        a.QmsCertificationBody = "中国质量认证中心";
        a.QmsScope = "家用电器的设计、生产和服务";
        a.QmsExpiry = new DateOnly(2028, 6, 30);
        a.MandatoryCertificationApplies = true;
        a.MandatoryCertifications = [new MandatoryCertification { Name = "中国强制性产品认证（CCC）", Number = "2024010701234567", Expiry = new DateOnly(2029, 1, 1) }];
        var i = 0;
        foreach (var m in a.Measurements.OrderBy(m => m.Year))
        {
            m.Body = "中国质量协会用户委员会";
            m.BodyQualification = "满意度测评资质证书 CAQ-UC-2019-018";
            m.Method = "GB/T 19038-2009《顾客满意测评模型和方法指南》";
            m.SampleSize = 3000;
            m.Index = indices[i++ % indices.Length];
        }
        a.DeclaresNoMajorAccident = a.DeclaresNoMajorComplaint = a.DeclaresNoSeriousViolation = true;
        foreach (var c in outline.Categories)
        {
            var section = a.SelfEvaluation.First(s => s.CriteriaCode == c.Code);
            section.Text = SelfEvaluationText(c.Name);
        }
    }

    /// <summary>
    /// An application held in memory only, complete and moved to <paramref name="status"/> through the entity's own
    /// methods — for unit tests of the transition rules.
    /// </summary>
    public static (Application App, Cycle Cycle, CriteriaOutline Outline) InMemory(ApplicationStatus status, DateTimeOffset now)
    {
        var cycle = new Cycle(2026, now);
        var outline = CriteriaCatalog.ForCycle(cycle.StandardCode);
        var a = new Application(cycle.Id, Guid.NewGuid(), outline, now);
        Fill(a, outline);
        foreach (var m in a.Measurements) m.ReportFileId = Guid.NewGuid();
        a.DeclarationFileId = Guid.NewGuid();
        a.ChooseRecommendingBody(Guid.NewGuid(), now);
        foreach (var action in PathTo(status)) Apply(a, action, cycle, outline, now);
        return (a, cycle, outline);
    }

    /// <summary>Performs <paramref name="action"/> with valid arguments (a reason, an opinion, a deadline …).</summary>
    public static void Apply(Application a, ApplicationAction action, Cycle cycle, CriteriaOutline outline, DateTimeOffset now)
    {
        switch (action)
        {
            case ApplicationAction.Submit: a.Submit(cycle, outline, 1, () => "BG2026-0001", now); break;
            case ApplicationAction.Recommend: a.Recommend("同意推荐。该组织用户满意工作成效显著。", Guid.NewGuid(), "recommender", now); break;
            case ApplicationAction.DeclineRecommendation: a.DeclineRecommendation("测评报告不是第三方出具，请补充。", "recommender", now); break;
            case ApplicationAction.RequestSupplement: a.RequestSupplement(new DateOnly(2026, 12, 11), true, "请补充 2024 年测评机构的资质证书。", now); break;
            case ApplicationAction.ResubmitSupplement: a.ResubmitSupplement(cycle, outline, 1, now); break;
            case ApplicationAction.Pass: a.PassQualification(now); break;
            case ApplicationAction.Fail: a.FailQualification(now); break;
            case ApplicationAction.Withdraw: a.Withdraw("组织调整，本年度不再申报。", now); break;
            case ApplicationAction.RevokeQualification: a.RevokeQualification("申报材料弄虚作假（第二十九条）。", now); break;
        }
    }

    private static ApplicationAction[] PathTo(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => [],
        ApplicationStatus.Submitted => [ApplicationAction.Submit],
        ApplicationStatus.RecommendationDeclined => [ApplicationAction.Submit, ApplicationAction.DeclineRecommendation],
        ApplicationStatus.AwaitingQualification => [ApplicationAction.Submit, ApplicationAction.Recommend],
        ApplicationStatus.SupplementRequested => [ApplicationAction.Submit, ApplicationAction.Recommend, ApplicationAction.RequestSupplement],
        ApplicationStatus.Qualified => [ApplicationAction.Submit, ApplicationAction.Recommend, ApplicationAction.Pass],
        ApplicationStatus.Disqualified => [ApplicationAction.Submit, ApplicationAction.Recommend, ApplicationAction.Fail],
        ApplicationStatus.QualificationRevoked => [ApplicationAction.Submit, ApplicationAction.Recommend, ApplicationAction.RevokeQualification],
        _ => [ApplicationAction.Withdraw],
    };

    /// <summary>A section of about 140 字 — above the default 100 字 minimum.</summary>
    public static string SelfEvaluationText(string topic) =>
        $"围绕“{topic}”，本组织坚持以用户为中心的经营理念。" + string.Concat(Enumerable.Repeat("我们持续开展用户满意度测量，改进产品和服务质量。", 6));

    private static async Task<StoredFile> UploadAsync(ApplicationFiles files, Application a, Cycle cycle, string name, string purpose, string? title = null)
    {
        using var stream = new MemoryStream(SampleFiles.Pdf(name));
        return await files.UploadAsync(a, cycle, stream, name, stream.Length, purpose, title);
    }
}

/// <summary>Small files whose bytes really are what their names say (and some that are not).</summary>
public static class SampleFiles
{
    public static byte[] Pdf(string text = "样本", int padTo = 0)
    {
        var body = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(text))}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        return padTo > body.Length ? [.. body, .. new byte[padTo - body.Length]] : body;
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];

    public static byte[] Jpg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    /// <summary>A Windows executable (starts with “MZ”) — e.g. renamed to .pdf by someone.</summary>
    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0xB8, 0, 0, 0];

    public static byte[] Text() => System.Text.Encoding.UTF8.GetBytes("这是一个纯文本文件，不是 PDF。\n");

    public static byte[] Docx() => OfficeZip("word/document.xml");

    public static byte[] Xlsx() => OfficeZip("xl/workbook.xml");

    private static byte[] OfficeZip(string part)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", part })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>");
            }
        }
        return ms.ToArray();
    }
}
