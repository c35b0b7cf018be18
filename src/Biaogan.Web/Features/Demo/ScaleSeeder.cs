using System.Diagnostics;
using System.Globalization;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Qualification;
using Biaogan.Web.Features.Recommendations;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Cli;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>Sizes of the scale data set (operator command seed-scale).</summary>
public sealed record ScaleOptions(int Applications, int Reviewers, int GroupSize, double DraftShare, int DraftApplications, string LoginsFile)
{
    public static ScaleOptions Parse(string[] args)
    {
        int Int(string name, int fallback) => OperatorCli.Option(args, name) is { } s
            ? int.TryParse(s, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : throw new FormatException($"--{name} 应为正整数。")
            : fallback;
        var apps = Int("applications", 2000);
        var share = OperatorCli.Option(args, "draft-share") is { } d
            ? double.TryParse(d, CultureInfo.InvariantCulture, out var x) && x is >= 0 and <= 1 ? x : throw new FormatException("--draft-share 应为 0 到 1 之间的小数。")
            : 0.2;
        var o = new ScaleOptions(apps, Int("reviewers", 600), Int("group-size", 5), share, Int("draft-applications", Math.Max(1, apps / 20)),
            OperatorCli.Option(args, "logins") ?? "scale-logins.csv");
        if (o.GroupSize > o.Reviewers) throw new ArgumentException("--group-size 不能大于 --reviewers。");
        return o;
    }
}

/// <summary>
/// The peak-day data set (issue 13): one cycle with N qualified applications (organisation, applicant, files, submit,
/// recommendation, qualification — each through its workflow), M appointed reviewers, expert groups applied as a
/// manual plan through AssignmentPlans (the same preview and applier as the office's page), independent sheets
/// submitted and consensus agreed for most applications and drafts for the rest, and draft applications ready to
/// submit. Each application is seeded in its own DI scope so the change tracker stays small; the audit interceptor
/// runs as usual. Passwords are hashed once and the hash reused: PBKDF2 per account would dominate the run.
/// </summary>
internal sealed partial class ScaleSeeder(IServiceScopeFactory scopes, TimeProvider clock) : IScaleSeeding
{
    public const string Password = DemoSeeder.Password;
    private const string Domain = "scale.biaogan.cn";
    private string passwordHash = "";

    public async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        var o = ScaleOptions.Parse(args);
        var watch = Stopwatch.StartNew();
        var setup = await SetupAsync(o, ct);
        if (setup is null) return 2;
        Step(watch, "年度活动和工作人员");
        var drafts = new List<(string Email, Guid App)>();
        for (var i = 0; i < o.Applications + o.DraftApplications; i++)
        {
            var draft = i >= o.Applications;
            var (email, app) = await ApplicationAsync(setup, i, draft, ct);
            if (draft) drafts.Add((email, app));
            if ((i + 1) % 200 == 0) Step(watch, $"申报 {i + 1}");
        }
        Step(watch, $"申报 {o.Applications} 份（另有待提交草稿 {o.DraftApplications} 份）");
        var pool = await ReviewersAsync(o, ct);
        Step(watch, $"评审员 {pool.Count} 人");
        var groups = await PlanAsync(setup, o, pool, ct);
        Step(watch, $"专家组 {groups.Count} 个");
        var sheets = new List<(string Email, Guid App)>();
        for (var k = 0; k < groups.Count; k++)
        {
            var draft = k >= groups.Count - (int)Math.Round(groups.Count * o.DraftShare);
            sheets.AddRange(await ScoreGroupAsync(groups[k], pool, draft, ct));
            if ((k + 1) % 200 == 0) Step(watch, $"评分 {k + 1} 组");
        }
        Step(watch, "评分表和一致性评审");
        await WriteLoginsAsync(o, setup, sheets, drafts);
        Step(watch, $"登录清单 {Path.GetFullPath(o.LoginsFile)}");
        Console.WriteLine($"完成：用时 {watch.Elapsed.TotalSeconds:F1} 秒。");
        return 0;
    }

    private static void Step(Stopwatch watch, string what) => Console.WriteLine($"[{watch.Elapsed.TotalSeconds,7:F1}s] {what}");

    private sealed record Setup(Guid CycleId, Guid BodyId, string OfficeId, string RecommenderId, string CommitteeEmail, string CommitteeKey);

    private async Task<Setup?> SetupAsync(ScaleOptions o, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        await db.MigrateAsync();
        if (await db.Set<Organization>().AnyAsync(ct) || await db.Set<Cycle>().AnyAsync(ct))
        {
            Console.Error.WriteLine("错误: 数据库不是空的（已有组织或年度活动）。seed-scale 只填充新建的空数据库，请换一个数据库文件或 PostgreSQL 数据库后重试。");
            return null;
        }
        sp.GetRequiredService<CurrentActor>().ActAs(null, "压测数据");
        // What a normal start seeds (roles, templates, terms), without the demo data.
        sp.GetRequiredService<IDataProtectionProvider>().CreateProtector("Biaogan.Startup").Protect([1]);
        foreach (var seeder in sp.GetServices<ISeeder>().Where(s => s.GetType().Namespace != typeof(ScaleSeeder).Namespace).OrderBy(s => s.Order))
            await seeder.SeedAsync(ct);
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        passwordHash = users.PasswordHasher.HashPassword(new AppUser(), Password);
        var now = clock.GetUtcNow();
        var cycle = new Cycle(2026, now);
        DemoSeeder.SetDemoStages(cycle);
        cycle.Settings.ReviewGroupSize = o.GroupSize;
        cycle.Settings.MaxGroupsPerReviewer = Math.Min(200, (o.Applications * o.GroupSize + o.Reviewers - 1) / o.Reviewers);
        cycle.ApproveRules("领导小组（压测数据）", now);
        cycle.DelegateExpertGroups("领导小组（压测数据）", now);
        cycle.ConfirmPlaceholderScoring("领导小组（压测数据）", "压测数据：按现有分值评分。", now);
        cycle.Open(false, now);
        var body = new RecommendingBody
        {
            Name = "压测推荐单位", Kind = RecommendingBodyKind.IndustryAssociation, IndustrySection = "C",
            ContactName = "压测", ContactPhone = "010-00000000", ContactEmail = $"body@{Domain}", CreatedAt = now,
        };
        body.Approve(now);
        db.AddRange(cycle, body);
        await db.SaveChangesAsync(ct);
        var office = await UserAsync(users, "压测办公室", $"office@{Domain}", Roles.Office, ct);
        var recommender = await UserAsync(users, "压测推荐人", $"body@{Domain}", Roles.Recommender, ct, bodyId: body.Id);
        var committee = await UserAsync(users, "压测委员", $"committee@{Domain}", Roles.ReviewCommittee, ct);
        // The committee must sign in with TOTP: bind a key now and hand it to the load script in the logins file.
        Check(await users.ResetAuthenticatorKeyAsync(committee));
        Check(await users.SetTwoFactorEnabledAsync(committee, true));
        var key = await users.GetAuthenticatorKeyAsync(committee) ?? "";
        return new Setup(cycle.Id, body.Id, office.Id, recommender.Id, committee.Email!, key);
    }

    private async Task<AppUser> UserAsync(UserManager<AppUser> users, string name, string email, string role, CancellationToken ct,
        Guid? organizationId = null, Guid? bodyId = null)
    {
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PasswordHash = passwordHash,
            OrganizationId = organizationId, RecommendingBodyId = bodyId, CreatedAt = clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>One organisation and its application; unless <paramref name="draft"/>, submitted, recommended and qualified.</summary>
    private async Task<(string Email, Guid App)> ApplicationAsync(Setup setup, int i, bool draft, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var actor = sp.GetRequiredService<CurrentActor>();
        var now = clock.GetUtcNow();
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == setup.CycleId, ct);
        string[] provinces = ["11", "31", "32", "33", "44", "51", "42", "37"];
        var name = $"压测申报组织{i + 1:D5}有限公司";
        var org = new Organization
        {
            Name = name, Uscc = DemoSeeder.DemoUscc($"91110000MA{i:D6}"), ProvinceCode = provinces[i % provinces.Length],
            Address = "压测地址", IndustrySection = "C", IndustryDivision = "38", Ownership = "有限责任公司",
            Employees = 1000 + i, AnnualRevenue = 100000m + i, LegalRepresentative = "压测法人", ContactName = "压测联系人",
            ContactPhone = "400-800-1234", ContactEmail = $"org{i + 1}@{Domain}", CreatedAt = now,
        };
        db.Add(org);
        await db.SaveChangesAsync(ct);
        var user = await UserAsync(sp.GetRequiredService<UserManager<AppUser>>(), "压测联系人", org.ContactEmail, Roles.Applicant, ct, organizationId: org.Id);
        actor.ActAs(user.Id, user.DisplayName);

        var app = new Application(cycle.Id, org.Id, CriteriaCatalog.ForCycle(cycle.StandardCode), now)
        {
            Category = AwardCategory.Enterprise, QmsCertificateNumber = $"00125Q3{i:D6}R2L", QmsCertificationBody = "中国质量认证中心",
            QmsScope = "产品的设计、生产和服务", QmsExpiry = new DateOnly(2028, 6, 30),
            DeclaresNoMajorAccident = true, DeclaresNoMajorComplaint = true, DeclaresNoSeriousViolation = true,
        };
        db.Add(app);
        foreach (var s in app.SelfEvaluation) s.Text = DemoTexts.Section(s.CriteriaCode, name);
        var files = sp.GetRequiredService<FileStore>();
        foreach (var m in app.Measurements)
        {
            (m.Body, m.BodyQualification, m.Method, m.SampleSize, m.Index) = ("压测测评中心", "CAQ-测评-2019-016", "GB/T 19038-2009", 1200, 84.1m);
            m.ReportFileId = (await FileAsync(files, app, cycle, FilePurpose.MeasurementReport, $"{m.Year}年度用户满意度测评报告", ct)).LogicalId;
        }
        app.DeclarationFileId = (await FileAsync(files, app, cycle, FilePurpose.Declaration, "三年无重大事故及违法违规声明书", ct)).LogicalId;
        await FileAsync(files, app, cycle, FilePurpose.Evidence, "质量管理体系认证证书", ct);
        await FileAsync(files, app, cycle, FilePurpose.Evidence, "用户投诉处理制度", ct);
        app.ChooseRecommendingBody(setup.BodyId, now);
        await db.SaveChangesAsync(ct);
        if (draft) return (org.ContactEmail, app.Id);

        await sp.GetRequiredService<ApplicationWorkflow>().SubmitAsync(app.Id, null, ct);
        actor.ActAs(setup.RecommenderId, "压测推荐人");
        var tracked = await db.Set<Application>().FirstAsync(a => a.Id == app.Id, ct);
        using (var letter = new MemoryStream(DemoPdf.Create("Recommendation letter (scale)", tracked.Number ?? "")))
            await sp.GetRequiredService<RecommendationWorkflow>().RecommendAsync(tracked, tracked.Version, "同意推荐。", letter, "推荐函.pdf",
                new ApplicationAccess.Caller(setup.RecommenderId, null, setup.BodyId, false, false, true), ct);
        actor.ActAs(setup.OfficeId, "压测办公室");
        tracked = await db.Set<Application>().FirstAsync(a => a.Id == app.Id, ct);
        var items = QualificationChecklist.Items.Select(c => new ChecklistInput(c.Code, ChecklistVerdict.Satisfied, null)).ToList();
        await sp.GetRequiredService<QualificationWorkflow>().DecideAsync(tracked, tracked.Version,
            new QualificationDecision(QualificationOutcome.Pass, "五项基本条件均满足。", items), setup.OfficeId, ct);
        return (org.ContactEmail, app.Id);
    }

    private static async Task<StoredFile> FileAsync(FileStore files, Application app, Cycle cycle, string purpose, string title, CancellationToken ct)
    {
        using var content = new MemoryStream(DemoPdf.Create("Biaogan scale document", purpose, title.Length.ToString(CultureInfo.InvariantCulture)));
        return await files.SaveAsync(content, title + ".pdf", new UploadRequest("Application", app.Id, purpose, title,
            cycle.Settings.AllowedFileTypeList, cycle.Settings.MaxFileSizeMb * 1024L * 1024), ct);
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new DomainRuleException(string.Join("；", r.Errors.Select(e => e.Description)));
    }
}
