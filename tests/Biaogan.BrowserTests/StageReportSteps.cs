using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>第九条 in Chromium: the office generates a stage work report and a 评审委员会委员 records 同意 on it.</summary>
public static class StageReportSteps
{
    /// <summary>
    /// The office generates the report (again, when the records changed since), then the member agrees. The member is the
    /// journey's only committee member, so the list may then be made final.
    /// </summary>
    public static async Task DeliberateAsync(IPage office, IPage member, Guid cycleId, string kind)
    {
        var url = $"/StageReports?cycleId={cycleId}&kind={kind}";
        await office.GotoAsync(url, Nav.Goto);
        await office.Locator("form[action*='handler=Generate'] button").ClickAsync();
        await Assertions.Expect(office.Locator("#report-status")).ToContainTextAsync("审议中");
        await member.GotoAsync(url, Nav.Goto);
        await member.Locator("input[name=Agreed][value=true]").CheckAsync();
        await member.ClickAsync("button:has-text('提交审议意见')");
        await Assertions.Expect(member.Locator(".alert-success")).ToContainTextAsync("同意");
        await Assertions.Expect(member.Locator("#report-status")).ToContainTextAsync("审议已完成");
    }
}
