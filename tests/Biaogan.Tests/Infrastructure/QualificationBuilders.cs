using System.Net;
using System.Net.Http.Json;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Calendar;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// Test data for recommendation and qualification: an open cycle, the working-day calendar, and complete
/// applications built through the entity (with real stored files) and submitted — independent of the
/// application form pages.
/// </summary>
public static class QualificationBuilders
{
    /// <summary>A small but real PDF.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    /// <summary>Satisfaction indices of 2023–2025 used unless a test sets its own.</summary>
    public static readonly decimal[] GoodIndices = [81.5m, 82.3m, 84.0m];

    private const string SectionText = "我们坚持以用户为中心的经营理念，建立覆盖全流程的顾客关系管理体系，持续改进产品和服务质量。";

    private static int _number;

    /// <summary>Loads the shipped holiday notices into the calendar tables if they are empty.</summary>
    public static async Task SeedCalendarAsync(AppFactory app)
    {
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            if (await db.Set<CalendarYear>().AnyAsync()) return;
            var now = app.Clock.GetUtcNow();
            foreach (var file in HolidayCnData.LoadEmbedded())
            {
                db.Add(new CalendarYear { Year = file.Year, Published = file.IsPublished, Papers = string.Join("\n", file.Papers), Source = "内置数据", UpdatedAt = now });
                foreach (var d in file.Days)
                    db.Add(new CalendarDay { Date = d.Date, IsOffDay = d.IsOffDay, Name = d.Name, NoticeYear = file.Year });
            }
            await db.SaveChangesAsync();
            sp.GetRequiredService<WorkingDayCalendar>().Invalidate();
        });
    }

    /// <summary>The open cycle of <paramref name="year"/> (created on first use; default stages and settings).</summary>
    public static async Task<Cycle> CycleAsync(AppFactory app, int year = 2026)
    {
        return await app.WithDbAsync(async db =>
        {
            var cycle = await db.Set<Cycle>().FirstOrDefaultAsync(c => c.Year == year);
            if (cycle is not null) return cycle;
            cycle = new Cycle(year, app.Clock.GetUtcNow());
            cycle.Open(anotherCycleOpen: false, app.Clock.GetUtcNow());
            db.Add(cycle);
            await db.SaveChangesAsync();
            return cycle;
        });
    }

    /// <summary>A recommending body in the given status with one recommender user.</summary>
    public static async Task<Persona> RecommenderOfBodyAsync(AppFactory app, RecommendingBodyStatus status, string name = "推荐单位戊（某省质量协会）")
    {
        var body = new RecommendingBody
        {
            Name = name, Kind = RecommendingBodyKind.RegionalAssociation, ProvinceCode = "32",
            ContactName = "周敏", ContactPhone = "025-88886666", ContactEmail = "wu@example.cn", CreatedAt = app.Clock.GetUtcNow(),
        };
        if (status == RecommendingBodyStatus.Approved) body.Approve(app.Clock.GetUtcNow());
        if (status == RecommendingBodyStatus.Rejected) body.Reject("材料不全", app.Clock.GetUtcNow());
        await app.WithDbAsync(async db => { db.Add(body); await db.SaveChangesAsync(); });
        return await Cast.PersonAsync(app, "周敏", Roles.Recommender, recommendingBodyId: body.Id);
    }

    /// <summary>
    /// A complete application of <paramref name="applicant"/>'s organisation that chose <paramref name="recommender"/>'s
    /// body, with measurement reports, declaration and evidence stored as real files; submitted unless told otherwise.
    /// </summary>
    public static async Task<Guid> ApplicationAsync(AppFactory app, Persona applicant, Persona? recommender,
        Action<Application>? tweak = null, bool submit = true, decimal[]? indices = null)
    {
        var cycle = await CycleAsync(app);
        var id = Guid.Empty;
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var files = sp.GetRequiredService<FileStore>();
            var outline = CriteriaCatalog.ForCycle(cycle.StandardCode);
            var now = app.Clock.GetUtcNow();
            var a = new Application(cycle.Id, applicant.OrganizationId!.Value, outline, now)
            {
                Category = AwardCategory.Enterprise,
                QmsCertificateNumber = "00124Q31234R2M", QmsCertificationBody = "中国质量认证中心", QmsScope = "工业自动化设备的设计、生产和服务",
                QmsExpiry = new DateOnly(2028, 6, 30),
                DeclaresNoMajorAccident = true, DeclaresNoMajorComplaint = true, DeclaresNoSeriousViolation = true,
            };
            var values = indices ?? GoodIndices;
            for (var i = 0; i < a.Measurements.Count; i++)
            {
                var m = a.Measurements[i];
                m.Body = "中质协用户评价中心"; m.BodyQualification = "CAQ-UE-2021-018"; m.Method = "GB/T 19038-2009 结构方程模型";
                m.SampleSize = 1500; m.Index = values[i];
                m.ReportFileId = (await SaveFileAsync(files, a.Id, FilePurpose.MeasurementReport, $"{m.Year}年用户满意度测评报告.pdf")).LogicalId;
            }
            a.DeclarationFileId = (await SaveFileAsync(files, a.Id, FilePurpose.Declaration, "声明书（签字盖章）.pdf")).LogicalId;
            await SaveFileAsync(files, a.Id, FilePurpose.Evidence, "顾客满意度管理制度汇编.pdf");
            foreach (var section in a.SelfEvaluation) section.Text = string.Concat(Enumerable.Repeat(SectionText, 4));
            if (recommender?.RecommendingBodyId is { } body) a.ChooseRecommendingBody(body, now);
            tweak?.Invoke(a);
            db.Add(a);
            if (submit) a.Submit(cycle, outline, 1, () => $"BG{cycle.Year}-{Interlocked.Increment(ref _number):D4}", now);
            await db.SaveChangesAsync();
            id = a.Id;
        });
        return id;
    }

    public static Task<StoredFile> SaveFileAsync(FileStore files, Guid applicationId, string purpose, string name) =>
        files.SaveAsync(new MemoryStream(Pdf), name,
            new UploadRequest("Application", applicationId, purpose, Path.GetFileNameWithoutExtension(name), ["pdf", "jpg", "png"], 20 * 1024 * 1024));

    public static Task<Application> LoadAsync(AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Set<Application>().AsNoTracking().FirstAsync(a => a.Id == id));

    /// <summary>Submits again an application the recommending body declined (what the organisation's form does).</summary>
    public static async Task ResubmitAfterDeclineAsync(AppFactory app, Guid id)
    {
        await app.WithDbAsync(async db =>
        {
            var a = await db.Set<Application>().FirstAsync(x => x.Id == id);
            var cycle = await db.Set<Cycle>().FirstAsync(c => c.Id == a.CycleId);
            a.Submit(cycle, CriteriaCatalog.ForCycle(cycle.StandardCode), 1, () => "unused", app.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Inbox titles of one user, newest last.</summary>
    public static Task<List<string>> InboxAsync(AppFactory app, Persona who) =>
        app.WithDbAsync(db => db.Set<Biaogan.Web.Features.Notifications.InboxItem>().AsNoTracking()
            .Where(i => i.UserId == who.UserId).OrderBy(i => i.CreatedAt).Select(i => i.Title).ToListAsync());

    /// <summary>
    /// A client signed in as <paramref name="who"/> by issuing the application's own authentication cookie
    /// (independent of the login pages). Without redirects, a denied page shows as its 302 to AccessDenied.
    /// </summary>
    public static async Task<PageClient> ClientAsync(AppFactory app, Persona who, bool followRedirects = true)
    {
        var container = new CookieContainer();
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var signIn = sp.GetRequiredService<SignInManager<AppUser>>();
            var principal = await signIn.CreateUserPrincipalAsync((await users.FindByIdAsync(who.UserId))!);
            var options = sp.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
            var ticket = new AuthenticationTicket(principal, new AuthenticationProperties(), IdentityConstants.ApplicationScheme);
            container.Add(new Uri("http://localhost"), new Cookie(options.Cookie.Name!, options.TicketDataFormat.Protect(ticket)));
        });
        DelegatingHandler[] handlers = followRedirects
            ? [new RedirectHandler(), new CookieContainerHandler(container)]
            : [new CookieContainerHandler(container)];
        return new PageClient(app.CreateDefaultClient(new Uri("http://localhost"), handlers));
    }

    /// <summary>Adds the API's CSRF header (from GET /api/antiforgery) to the client.</summary>
    public static async Task<HttpClient> WithCsrfAsync(PageClient client)
    {
        var token = await client.Http.GetFromJsonAsync<AntiforgeryToken>("/api/antiforgery");
        client.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        client.Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token!.Token);
        return client.Http;
    }

    /// <summary>Asserts the page is refused to the signed-in caller (403, or the cookie scheme's redirect to AccessDenied).</summary>
    public static async Task AssertDeniedAsync(PageClient noRedirectClient, string url)
    {
        var response = await noRedirectClient.Http.GetAsync(url);
        var denied = response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) == true);
        Assert.True(denied, $"GET {url}: expected access denied, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    private sealed record AntiforgeryToken(string Token, string Header);
}
