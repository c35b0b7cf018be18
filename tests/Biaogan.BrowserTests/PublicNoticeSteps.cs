using Biaogan.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>The 公示 steps in a browser, for any journey that reaches a finalised recommended list.</summary>
public static class PublicNoticeSteps
{
    /// <summary>The office drafts the notice from the recommended list, sets the start date and channels, previews the dates and publishes.</summary>
    public static async Task PublishNoticeAsync(IPage office, DateOnly start)
    {
        await office.GotoAsync("/PublicNotice", Nav.Goto);
        await PublishNoticeHereAsync(office, start);
    }

    /// <summary>As <see cref="PublishNoticeAsync"/>, on the 公示与异议 page the office has already opened.</summary>
    public static async Task PublishNoticeHereAsync(IPage office, DateOnly start)
    {
        await office.Locator("form[action*='handler=Create'] button").ClickAsync();
        await office.FillAsync("#StartDate", start.ToString("yyyy-MM-dd"));
        await office.FillAsync("#Phone", "010-68418800");
        await office.FillAsync("#Email", "biaogan@caq.org.cn");
        await office.FillAsync("#PostalAddress", "北京市海淀区增光路33号 中国质量协会用户工作部（100048）");
        await office.Locator("form[action*='handler=Save'] button").ClickAsync();
        await office.Locator("#preview-h").WaitForAsync();
        var accept = office.Locator("input[name=AcceptUnconfirmed]");
        if (await accept.CountAsync() > 0) await accept.CheckAsync();
        await office.Locator("form[action*='handler=Publish'] button").ClickAsync();
        await office.Locator("#pub-h").WaitForAsync();
    }

    /// <summary>
    /// A member of the public objects to <paramref name="organisation"/> from the public notice page (any screen size) and
    /// returns the receipt number. The test clock is moved past the form's minimum fill time before submitting.
    /// </summary>
    public static async Task<string> LodgeObjectionAsync(IPage page, AppFactory app, string organisation, string name = "陈建华",
        string phone = "13812345678", string grounds = PublicNoticeKit.DefaultGrounds)
    {
        await page.GotoAsync("/Public/Notice", Nav.Goto);
        await page.ClickAsync("text=在线提出异议");
        var value = await page.Locator("#Input_ApplicationId option", new() { HasTextString = organisation }).GetAttributeAsync("value");
        await page.SelectOptionAsync("#Input_ApplicationId", value!);
        await page.CheckAsync("#kind-individual");
        await page.FillAsync("#Input_Name", name);
        await page.FillAsync("#Input_IdLast4", "123X");
        await page.FillAsync("#Input_Phone", phone);
        await page.FillAsync("#Input_Grounds", grounds);
        await page.CheckAsync("input[name='Input.Declaration']");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.ClickAsync("form.public-form button.btn");
        await Nav.ToAsync(page, "**/Public/Notice/Lodged");
        return (await page.InnerTextAsync(".receipt-number")).Trim();
    }

    /// <summary>The objector looks up the status with the receipt number and phone; returns the text shown.</summary>
    public static async Task<string> LookUpReceiptAsync(IPage page, string receipt, string phone = "13812345678")
    {
        await page.GotoAsync("/Public/Notice/Receipt", Nav.Goto);
        await page.FillAsync("#Number", receipt);
        await page.FillAsync("#Phone", phone);
        await page.ClickAsync("form.public-form button.btn");
        return await page.InnerTextAsync("main");
    }

    /// <summary>The office concludes the objection with <paramref name="receipt"/> (sustained removes the organisation from the list).</summary>
    public static async Task ConcludeObjectionAsync(IPage office, string receipt, bool sustained, string reason, string? publicText = null)
    {
        await office.GotoAsync("/PublicNotice", Nav.Goto);
        await office.ClickAsync($"text={receipt}");
        await office.CheckAsync($"input[name=Conclusion][value={(sustained ? "Sustained" : "Dismissed")}]");
        await office.FillAsync("#Finding", "经调阅相关记录并听取被异议组织答复，核实情况如下：" + reason);
        await office.FillAsync("#Reason", reason);
        if (publicText is not null) await office.FillAsync("#PublicText", publicText);
        await office.Locator("form[action*='handler=Conclude'] button").ClickAsync();
        await office.Locator(".alert-success").WaitForAsync();
    }
}
