using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.PublicNotice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Infrastructure;

/// <summary>Drives the 公示 stage through its pages: a finalised list, the office's draft → preview → publish, objections from the public.</summary>
public static class PublicNoticeKit
{
    /// <summary>Qualified applications (enterprise, then service) on a finalised recommended list, in that order.</summary>
    public static async Task<IReadOnlyList<Guid>> RecommendedAsync(AppFactory app, params (string Name, AwardCategory Category)[] orgs)
    {
        var ids = new List<Guid>();
        foreach (var (name, category) in orgs) ids.Add(await AwardPipelineKit.QualifiedAsync(app, name, category));
        await AwardPipelineKit.RecommendAsync(app, ids);
        return ids;
    }

    /// <summary>The office creates the draft, saves it with <paramref name="start"/> and the channels (the preview step).</summary>
    public static async Task<FormResult> DraftAsync(AppFactory app, PageClient office, DateOnly start)
    {
        await office.SubmitAsync("/PublicNotice", new Dictionary<string, string?>(), "main form[action*='handler=Create']");
        return await office.SubmitAsync("/PublicNotice", new Dictionary<string, string?>
        {
            ["StartDate"] = start.ToString("yyyy-MM-dd"), ["PostalAddress"] = "北京市海淀区增光路33号 中国质量协会用户工作部（100048）",
            ["Phone"] = "010-68418800", ["Email"] = "biaogan@caq.org.cn",
        }, "main form[action*='handler=Save']");
    }

    /// <summary>Draft, preview and publish; returns the notice id.</summary>
    public static async Task<Guid> PublishAsync(AppFactory app, PageClient office, DateOnly start, bool acceptUnconfirmed = false)
    {
        await DraftAsync(app, office, start);
        var r = await office.SubmitAsync("/PublicNotice", new Dictionary<string, string?> { ["AcceptUnconfirmed"] = acceptUnconfirmed ? "true" : null },
            "main form[action*='handler=Publish']");
        if (r.Errors.Count > 0) throw new Xunit.Sdk.XunitException(string.Join(";", r.Errors));
        return await app.WithDbAsync(db => db.Set<Web.Features.PublicNotice.PublicNotice>().Select(n => n.Id).SingleAsync());
    }

    public static Task<PageClient> OfficeAsync(AppFactory app) => Cast.OfficeAsync(app).ContinueWith(t => Cast.SignInAsync(app, t.Result)).Unwrap();

    public static Task<Persona> CommitteeMemberAsync(AppFactory app, string name) => Cast.PersonAsync(app, name, Roles.ApprovalCommittee);

    /// <summary>A person's objection as the public form takes it (the form is fetched, the clock moves past the minimum fill time, then it is posted).</summary>
    public static async Task<FormResult> ObjectAsync(AppFactory app, PageClient who, Guid noticeId, Guid applicationId,
        string name = "陈建华", string phone = "13812345678", string? email = "chen@example.cn", string grounds = DefaultGrounds,
        TimeSpan? fillTime = null, IDictionary<string, string?>? extra = null, IEnumerable<UploadFile>? files = null)
    {
        var page = await who.GetAsync($"/Public/Notice/Objection/{noticeId}");
        app.Clock.Advance(fillTime ?? TimeSpan.FromSeconds(30));
        var fields = new Dictionary<string, string?>
        {
            ["Input.ApplicationId"] = applicationId.ToString(), ["Input.Kind"] = "Individual", ["Input.Name"] = name,
            ["Input.IdLast4"] = "123X", ["Input.Phone"] = phone, ["Input.Email"] = email, ["Input.Grounds"] = grounds,
            ["Input.Declaration"] = "true",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) fields[k] = v;
        return await who.SubmitAsync(page, fields, files: files);
    }

    /// <summary>The calendar's end of an n-working-day window (the service the notice uses).</summary>
    public static async Task<Web.Features.Calendar.WorkdayResult> EndAsync(AppFactory app, DateOnly start, int workdays, bool countStart)
    {
        Web.Features.Calendar.WorkdayResult? result = null;
        await app.WithScopeAsync(async sp => result = await sp.GetRequiredService<Web.Features.Calendar.WorkingDayCalendar>().AddWorkdaysAsync(start, workdays, countStart));
        return result!;
    }

    public const string DefaultGrounds = "据本人了解，该组织2025年发生过一起较大的用户集体投诉事件，与申报材料中“近三年无重大用户投诉”的声明不符。";

    /// <summary>Sets the test clock to a China Standard Time moment.</summary>
    public static void SetChinaTime(AppFactory app, int year, int month, int day, int hour, int minute, int second = 0) =>
        app.Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(8)));
}
