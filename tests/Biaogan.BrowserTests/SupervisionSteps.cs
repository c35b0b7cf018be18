using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// 获奖后监督 in the browser (第二十六条 and decision 0030): the winner files an incident report, the office investigates and
/// submits the case, a leading-group member votes and the office records the decision — the only way a title is revoked.
/// </summary>
public static class SupervisionSteps
{
    /// <summary>The winner reports an incident of <paramref name="occurredOn"/> from its supervision page; ends on the case page.</summary>
    public static async Task ReportIncidentAsync(IPage winner, DateOnly occurredOn, string whatHappened, string measures)
    {
        await winner.GotoAsync("/Supervision/Mine", Nav.Goto);
        await winner.ClickAsync("main a:has-text('提交事件书面报告')");
        await winner.SelectOptionAsync("#Category", "MajorAccident");
        await winner.FillAsync("#OccurredOn", occurredOn.ToString("yyyy-MM-dd"));
        await winner.FillAsync("#WhatHappened", whatHappened);
        await winner.FillAsync("#Measures", measures);
        await winner.ClickAsync("main button:has-text('提交书面报告')");
        await Nav.ToAsync(winner, "**/Supervision/Case/**");
    }

    /// <summary>The office opens the organisation's case from its list, records an investigation note and submits it to the leading group.</summary>
    public static async Task<string> InvestigateAndSubmitAsync(IPage office, string organization, string note)
    {
        await office.GotoAsync("/Supervision", Nav.Goto);
        await office.Locator("main table tr", new() { HasText = organization }).Locator("a").First.ClickAsync();
        await Nav.ToAsync(office, "**/Supervision/Case/**");
        var caseUrl = office.Url;
        await office.FillAsync("#Text", note);
        await office.ClickAsync("main button:has-text('添加调查记录')");
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync(note);
        await office.ClickAsync("main button:has-text('提交领导小组审议')");
        await Assertions.Expect(office.Locator("main form[action*='handler=Decide']")).ToBeVisibleAsync();
        return caseUrl;
    }

    /// <summary>A leading-group member opens the case from 待投票 and votes for <paramref name="outcome"/> (e.g. “Revoke”).</summary>
    public static async Task VoteAsync(IPage leader, string organization, string outcome, string reason)
    {
        await leader.GotoAsync("/Supervision/Votes", Nav.Goto);
        await leader.Locator("main table tr", new() { HasText = organization }).Locator("a").First.ClickAsync();
        var form = leader.Locator("main form[action*='handler=Vote']");
        await form.Locator($"input[name=Outcome][value={outcome}]").CheckAsync();
        await form.Locator("#Reason").FillAsync(reason);
        await form.Locator("button:has-text('提交投票')").ClickAsync();
        await Assertions.Expect(leader.Locator(".alert-success")).ToBeVisibleAsync();
    }

    /// <summary>The office records the leading group's decision on the case with the reason and the public reason.</summary>
    public static async Task DecideAsync(IPage office, string caseUrl, string outcome, string reason, string publicReason)
    {
        await office.GotoAsync(caseUrl, Nav.Goto);
        var form = office.Locator("main form[action*='handler=Decide']");
        await form.Locator($"input[name=Outcome][value={outcome}]").CheckAsync();
        await form.Locator("#Reason").FillAsync(reason);
        await form.Locator("#PublicReason").FillAsync(publicReason);
        await form.Locator("button:has-text('记录决定')").ClickAsync();
        await Assertions.Expect(office.Locator("main")).ToContainTextAsync("公开原因");
    }
}
