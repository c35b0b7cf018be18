using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Files;

namespace Biaogan.Web.Features.Demo;

internal sealed partial class DemoSeeder
{
    private sealed record DemoOrg(string Name, string Uscc16, string Province, string City, string Section, string Division,
        string Ownership, int Employees, decimal Revenue, string Legal, string Contact, string Email, AwardCategory Category,
        string? Service, DemoStage Stage);

    private enum DemoStage { Draft, Submitted, AwaitingQualification, SupplementRequested, Qualified }

    private static readonly DemoOrg[] Orgs =
    [
        new("星河智能家电股份有限公司", "91330100MA2H3K7L", "33", "3301", "C", "38", "股份有限公司（民营控股）", 5800, 1268000m,
            "陈志远", "林晓燕", "xinghe@demo.biaogan.cn", AwardCategory.Enterprise, null, DemoStage.Draft),
        new("远航物流服务有限公司", "91310115MA1K4B2C", "31", "3101", "G", "54", "有限责任公司（民营）", 3200, 452000m,
            "黄志明", "周丽", "yuanhang@demo.biaogan.cn", AwardCategory.Service, "城市即时配送服务", DemoStage.Submitted),
        new("青松电梯有限公司", "91320500MA1N8P4D", "32", "3205", "C", "34", "有限责任公司（外商投资）", 2100, 386000m,
            "刘青松", "许文静", "qingsong@demo.biaogan.cn", AwardCategory.Enterprise, null, DemoStage.AwaitingQualification),
        new("海川水务集团有限公司", "91440300MA5D2R6F", "44", "4403", "D", "46", "国有控股", 4600, 598000m,
            "何海川", "冯俊", "haichuan@demo.biaogan.cn", AwardCategory.Service, "城市供水服务", DemoStage.SupplementRequested),
        new("锦程通信服务有限公司", "91510100MA6C9T1G", "51", "5101", "I", "63", "国有控股", 7300, 1835000m,
            "罗锦程", "唐敏", "jincheng@demo.biaogan.cn", AwardCategory.Enterprise, null, DemoStage.Qualified),
        new("明德医疗器械股份有限公司", "91330200MA2J5M8H", "33", "3302", "C", "35", "股份有限公司（民营控股）", 2600, 412000m,
            "杜明德", "沈佳怡", "mingde@demo.biaogan.cn", AwardCategory.Enterprise, null, DemoStage.Qualified),
        new("润泽燃气服务有限公司", "91370100MA3P6W2K", "37", "3701", "D", "45", "国有控股", 1900, 286000m,
            "宋润泽", "韩雪", "runze@demo.biaogan.cn", AwardCategory.Service, "城市燃气供应服务", DemoStage.Qualified),
    ];

    private async Task<List<RecommendingBody>> BodiesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var list = new List<RecommendingBody>
        {
            new() { Name = "华东地区质量协会（演示）", Kind = RecommendingBodyKind.RegionalAssociation, ProvinceCode = "31",
                ContactName = "张伟", ContactPhone = "021-63338888", ContactEmail = "huadong@demo.biaogan.cn", CreatedAt = now },
            new() { Name = "装备制造行业质量协会（演示）", Kind = RecommendingBodyKind.IndustryAssociation, IndustrySection = "C",
                ContactName = "李娜", ContactPhone = "010-68885555", ContactEmail = "zhuangbei@demo.biaogan.cn", CreatedAt = now },
            new() { Name = "华南质量发展促进会（演示）", Kind = RecommendingBodyKind.QualityPromotionOrganization, ProvinceCode = "44",
                ContactName = "陈静", ContactPhone = "020-83336666", ContactEmail = "huanan@demo.biaogan.cn", CreatedAt = now },
        };
        list[0].Approve(now);
        list[1].Approve(now);
        db.AddRange(list);
        await db.SaveChangesAsync(ct);
        await PersonAsync("张伟", "huadong@demo.biaogan.cn", [Roles.Recommender], "", ct, bodyId: list[0].Id);
        await PersonAsync("李娜", "zhuangbei@demo.biaogan.cn", [Roles.Recommender], "", ct, bodyId: list[1].Id);
        await PersonAsync("陈静", "huanan@demo.biaogan.cn", [Roles.Recommender], "", ct, bodyId: list[2].Id);
        return list;
    }

    private async Task ApplicationsAsync(Cycle cycle, List<RecommendingBody> bodies, DateTimeOffset now, CancellationToken ct)
    {
        var outline = CriteriaCatalog.ForCycle(cycle.StandardCode);
        foreach (var o in Orgs)
        {
            var org = new Organization
            {
                Name = o.Name, Uscc = DemoUscc(o.Uscc16), ProvinceCode = o.Province, CityCode = o.City,
                Address = "演示地址", IndustrySection = o.Section, IndustryDivision = o.Division, Ownership = o.Ownership,
                Employees = o.Employees, AnnualRevenue = o.Revenue, LegalRepresentative = o.Legal, ContactName = o.Contact,
                ContactPhone = "400-800-1234", ContactEmail = o.Email, CreatedAt = now,
            };
            db.Add(org);
            await db.SaveChangesAsync(ct);
            var user = await PersonAsync(o.Contact, o.Email, [Roles.Applicant], "", ct, organizationId: org.Id);
            actor.ActAs(user.Id, user.DisplayName);

            var app = new Application(cycle.Id, org.Id, outline, now)
            {
                Category = o.Category, ServiceName = o.Service, ServiceScope = o.Service is null ? null : "全市范围内的" + o.Service,
                QmsCertificateNumber = $"00125Q3{Array.IndexOf(Orgs, o) + 1:D4}R2L", QmsCertificationBody = "中国质量认证中心",
                QmsScope = "产品的设计、生产和服务", QmsExpiry = new DateOnly(2028, 6, 30),
                DeclaresNoMajorAccident = o.Stage != DemoStage.Draft, DeclaresNoMajorComplaint = o.Stage != DemoStage.Draft,
                DeclaresNoSeriousViolation = o.Stage != DemoStage.Draft,
            };
            db.Add(app);
            foreach (var s in app.SelfEvaluation)
                s.Text = o.Stage == DemoStage.Draft && s.CriteriaCode != "4.1" ? "" : DemoTexts.Section(s.CriteriaCode, o.Name);
            decimal[] indices = [82.5m, 84.1m, 85.6m];
            for (var i = 0; i < app.Measurements.Count; i++)
            {
                var m = app.Measurements[i];
                m.Body = "华信满意度测评中心（演示）";
                m.BodyQualification = "CAQ-测评-2019-016";
                m.Method = "GB/T 19038-2009、GB/T 19039-2009 及《用户满意度测评规范》";
                m.SampleSize = 1200 + 100 * i;
                m.Index = indices[i];
                if (o.Stage != DemoStage.Draft)
                    m.ReportFileId = (await AddFileAsync(app, cycle, FilePurpose.MeasurementReport, $"{m.Year}年度用户满意度测评报告", ct)).LogicalId;
            }
            if (o.Stage != DemoStage.Draft)
            {
                app.DeclarationFileId = (await AddFileAsync(app, cycle, FilePurpose.Declaration, "三年无重大事故及违法违规声明书", ct)).LogicalId;
                await AddFileAsync(app, cycle, FilePurpose.Evidence, "质量管理体系认证证书", ct);
                await AddFileAsync(app, cycle, FilePurpose.Evidence, "用户投诉处理制度", ct);
                var body = o.Category == AwardCategory.Service ? bodies[0] : bodies[1];
                app.ChooseRecommendingBody(body.Id, now);
            }
            await db.SaveChangesAsync(ct);
            await AdvanceAsync(app, o.Stage, user, bodies, ct);
        }
    }

    /// <summary>A valid code from its first 16 characters: GB 11714 digit at 17, GB 32100 check character at 18.</summary>
    internal static string DemoUscc(string first16)
    {
        var first17 = first16 + Uscc.OrganizationCodeCheck(first16.AsSpan(8, 8));
        return first17 + Uscc.CheckCharacter(first17);
    }

    private async Task<StoredFile> AddFileAsync(Application app, Cycle cycle, string purpose, string title, CancellationToken ct)
    {
        using var content = new MemoryStream(DemoPdf.Create("Biaogan demo document", purpose.Length.ToString(), title.Length.ToString()));
        return await files.SaveAsync(content, title + ".pdf", new UploadRequest("Application", app.Id, purpose, title,
            cycle.Settings.AllowedFileTypeList, cycle.Settings.MaxFileSizeMb * 1024L * 1024), ct);
    }
}
