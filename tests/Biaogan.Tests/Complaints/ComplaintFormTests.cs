using System.Net;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Complaints;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Complaints;

/// <summary>
/// Issue 12 item 5 (第二十七、三十二条): a complaint at any time, with a receipt number and a look-up that shows the status and
/// only the public outcome; a benchmark's complaint is a supervision case the leading group decides, a company that is not a
/// benchmark is recorded by name and concluded by the office.
/// </summary>
public class ComplaintFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_complaint_about_a_benchmark_gets_a_receipt_becomes_a_case_and_the_lookup_shows_only_the_public_outcome()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "投诉标杆电器有限公司");
        var officer = await Cast.OfficeAsync(app);
        var citizen = Cast.Anonymous(app);
        var lodged = await ComplaintKit.ComplainAsync(app, citizen, awardId: winner.Award.Id,
            files: [new UploadFile("Evidence", "包装照片.pdf", "%PDF-1.4\n%照片\n"u8.ToArray(), "application/pdf")]);
        Assert.Equal("/Public/Complaints/Lodged", lodged.Path);
        var complaint = await app.WithDbAsync(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.AwardId == winner.Award.Id));
        Assert.Contains(complaint.ReceiptNumber, lodged.Text);
        Assert.Matches(@"^TS-\d{4}-\d{4}$", complaint.ReceiptNumber);

        var c = await app.WithDbAsync(db => db.Set<SupervisionCase>().AsNoTracking().SingleAsync(x => x.Id == complaint.CaseId));
        Assert.Equal(CaseKind.Complaint, c.Kind);
        Assert.Equal(winner.Award.Id, c.AwardId);
        Assert.Contains(complaint.ReceiptNumber, c.Title);
        await app.WithDbAsync(async db =>
        {
            Assert.True(await db.Set<InboxItem>().AnyAsync(i => i.UserId == officer.UserId && i.Title.Contains(complaint.ReceiptNumber)));
            Assert.True(await db.Set<OutboxMessage>().AnyAsync(m => m.ToAddress == "liming@example.cn" && m.Subject.Contains(complaint.ReceiptNumber)));
            Assert.Equal(1, await db.Set<StoredFile>().CountAsync(f => f.OwnerType == ComplaintIntake.EvidenceOwner && f.OwnerId == complaint.Id));
        });
        Assert.Contains("已受理", await ComplaintKit.LookUpAsync(citizen, complaint.ReceiptNumber));
        Assert.Contains("没有找到", await ComplaintKit.LookUpAsync(citizen, complaint.ReceiptNumber, phone: "13700000000"));

        var office = await OfficeApiAsync(app);
        var noted = await JsonAsync(await office.PostAsJsonAsync($"/api/supervision/cases/{c.Id}/notes", new { text = "已到商场核实，包装确有标识。", version = c.Version }), HttpStatusCode.OK);
        Assert.Contains("调查中", await ComplaintKit.LookUpAsync(citizen, complaint.ReceiptNumber));
        var submitted = await JsonAsync(await office.PostAsJsonAsync($"/api/supervision/cases/{c.Id}/submit",
            new { version = noted.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        var leader = await LeaderApiAsync(app);
        await JsonAsync(await leader.PostAsJsonAsync($"/api/supervision/cases/{c.Id}/votes", new { outcome = "Revoke", reason = "多次在产品上标注标识。" }), HttpStatusCode.OK);
        await JsonAsync(await office.PostAsJsonAsync($"/api/supervision/cases/{c.Id}/decision", new
        {
            outcome = "Revoke", reason = "内部理由：经两次函告仍未整改。", publicReason = "经查实，该组织在产品包装上使用标杆标识，违反《实施细则》第三十二条。",
            version = submitted.GetProperty("version").GetInt32(),
        }), HttpStatusCode.OK);

        var answer = await ComplaintKit.LookUpAsync(citizen, complaint.ReceiptNumber);
        Assert.Contains("已办结", answer);
        Assert.Contains("在产品包装上使用标杆标识", answer);
        Assert.Contains("撤销", answer);
        Assert.DoesNotContain("内部理由", answer);
        Assert.DoesNotContain("已到商场核实", answer);
    }

    [Fact]
    public async Task Logo_misuse_by_a_company_that_is_not_a_benchmark_is_recorded_by_name_and_concluded_by_the_office()
    {
        var citizen = Cast.Anonymous(app);
        var lodged = await ComplaintKit.ComplainAsync(app, citizen, company: "冒用标识小家电厂", misuse: "Other", phone: "13811112222", email: null);
        Assert.Equal("/Public/Complaints/Lodged", lodged.Path);
        var complaint = await app.WithDbAsync(db => db.Set<Complaint>().AsNoTracking().SingleAsync(c => c.CompanyName == "冒用标识小家电厂"));
        Assert.Null(complaint.AwardId);
        Assert.Null(complaint.CaseId);
        Assert.Equal(LogoMisuseKind.Other, complaint.MisuseKind);

        var officePage = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var details = await officePage.GetAsync($"/Complaints/Details/{complaint.Id}");
        Assert.Contains("不是标杆组织", PageClient.Text(details));
        var noted = await officePage.SubmitAsync(details, new Dictionary<string, string?> { ["Note"] = "已电话联系该厂，对方承认印制了标识。" },
            formSelector: "form[action*='handler=Note']");
        Assert.Empty(noted.Errors);
        Assert.Contains("调查中", await ComplaintKit.LookUpAsync(citizen, complaint.ReceiptNumber, "13811112222"));

        var office = await OfficeApiAsync(app);
        var version = await app.WithDbAsync(db => db.Set<Complaint>().Where(c => c.Id == complaint.Id).Select(c => c.Version).SingleAsync());
        var concluded = await JsonAsync(await office.PostAsJsonAsync($"/api/complaints/{complaint.Id}/conclusion", new
        {
            finding = "内部：该厂承认并已回收包装。", publicOutcome = "已函告该企业停止使用全国用户满意标杆标识，并移送当地市场监管部门。", version,
        }), HttpStatusCode.OK);
        Assert.Equal("Concluded", concluded.GetProperty("status").GetString());
        var answer = await ComplaintKit.LookUpAsync(citizen, complaint.ReceiptNumber, "13811112222");
        Assert.Contains("已办结", answer);
        Assert.Contains("移送当地市场监管部门", answer);
        Assert.DoesNotContain("内部", answer);
    }

    [Fact]
    public async Task Bad_input_is_answered_in_Chinese_the_typed_text_stays_and_nothing_is_recorded()
    {
        var bot = Cast.Anonymous(app);
        const string typed = "包装上印有标杆标识却没有年份，宣传页写着“获奖产品”，在超市货架上看到。";
        async Task Refused(FormResult r, string message)
        {
            Assert.True(r.Errors.Any(e => e.Contains(message)), $"expected “{message}” in: {string.Join(" | ", r.Errors)}");
            Assert.Contains("获奖产品", r.Page.QuerySelector("textarea[name='Input.Grounds']")!.TextContent);
            Assert.Equal("某某电器厂", ((AngleSharp.Html.Dom.IHtmlInputElement)r.Page.QuerySelector("input[name='Input.CompanyName']")!).Value);
            await Task.CompletedTask;
        }
        await Refused(await ComplaintKit.ComplainAsync(app, bot, company: "某某电器厂", grounds: typed, name: ""), "不受理匿名投诉");
        await Refused(await ComplaintKit.ComplainAsync(app, bot, company: "某某电器厂", grounds: typed, misuse: ""), "请选择标识使用不当的情形");
        await Refused(await ComplaintKit.ComplainAsync(app, bot, company: "某某电器厂", grounds: typed + "\0"), "不可见的NUL");
        await Refused(await ComplaintKit.ComplainAsync(app, bot, company: "某某电器厂", grounds: typed + new string('长', Complaint.MaxGrounds)), "投诉内容应为");
        await Refused(await ComplaintKit.ComplainAsync(app, bot, company: "某某电器厂", grounds: typed, phone: "电话"), "请填写正确的手机或固定电话号码");
        await Refused(await ComplaintKit.ComplainAsync(app, bot, company: "某某电器厂", grounds: typed,
            extra: new Dictionary<string, string?> { ["Website"] = "http://spam.example" }), "自动填表");
        await Refused(await ComplaintKit.ComplainAsync(app, bot, company: "某某电器厂", grounds: typed, fillTime: TimeSpan.FromSeconds(1)), "提交过快");
        await Refused(await ComplaintKit.ComplainAsync(app, bot, company: "某某电器厂", grounds: typed,
            files: [new UploadFile("Evidence", "证据.pdf", "MZ这不是PDF"u8.ToArray())]), "可执行程序");
        var noCompany = await ComplaintKit.ComplainAsync(app, bot, grounds: typed);
        Assert.Contains(noCompany.Errors, e => e.Contains("填写使用标识的企业名称"));
        Assert.Contains("获奖产品", noCompany.Page.QuerySelector("textarea[name='Input.Grounds']")!.TextContent);

        Assert.False(await app.WithDbAsync(db => db.Set<Complaint>().AnyAsync(c => c.Grounds.Contains("获奖产品"))));
        Assert.False(await app.WithDbAsync(db => db.Set<StoredFile>().AnyAsync(f => f.FileName == "证据.pdf")));
    }

    [Fact]
    public async Task The_JSON_API_lodges_a_complaint_and_looks_it_up_and_refuses_bad_input_in_Chinese()
    {
        var api = await Cast.Anonymous(app).ApiAsync();
        var bad = await api.PostAsJsonAsync("/api/public/complaints", new { subject = "LogoMisuse", misuseKind = "WithoutYear", companyName = "接口电器厂",
            name = "", phone = "13600001111", grounds = ComplaintKit.DefaultGrounds, declaration = true });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("不受理匿名投诉", await bad.Content.ReadAsStringAsync());
        var created = await JsonAsync(await api.PostAsJsonAsync("/api/public/complaints", new { subject = "LogoMisuse", misuseKind = "WithoutYear",
            companyName = "接口电器厂", name = "周敏", phone = "13600001111", grounds = ComplaintKit.DefaultGrounds, declaration = true }), HttpStatusCode.Created);
        var number = created.GetProperty("receiptNumber").GetString()!;
        var status = await JsonAsync(await api.PostAsJsonAsync("/api/public/complaints/status", new { number, phone = "13600001111" }), HttpStatusCode.OK);
        Assert.Equal("已受理", status.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/public/complaints/status", new { number, phone = "13600009999" })).StatusCode);
    }
}

/// <summary>The complaint form and its look-up are rate-limited per address (RateLimitPolicies.Complaint), apart from the objection form.</summary>
public class ComplaintRateLimitTests(ComplaintRateLimitTests.Factory app) : IClassFixture<ComplaintRateLimitTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("RateLimits:ComplaintPerMinute", "3")];
    }

    [Fact]
    public async Task The_fourth_complaint_post_within_a_minute_is_refused_in_Chinese_and_the_objection_lookup_still_answers()
    {
        var client = Cast.Anonymous(app);
        var fields = new Dictionary<string, string?> { ["Number"] = "TS-2026-0099", ["Phone"] = "13800000000" };
        for (var i = 0; i < 3; i++) Assert.Contains("没有找到", (await client.SubmitAsync("/Public/Complaints/Receipt", fields)).Text);
        var refused = await client.SubmitAsync("/Public/Complaints/Receipt", fields);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Response.StatusCode);
        Assert.Contains("提交过于频繁", await refused.Response.Content.ReadAsStringAsync());
        var other = await client.SubmitAsync("/Public/Notice/Receipt", new Dictionary<string, string?> { ["Number"] = "YY-2026-0099", ["Phone"] = "13800000000" });
        Assert.Contains("没有找到", other.Text);
    }
}
