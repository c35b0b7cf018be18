using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>The 审定 steps in a browser: the office submits the list after the notice, members vote, the office records and finalises.</summary>
public static class ApprovalSteps
{
    public static async Task StartApprovalAsync(IPage office)
    {
        await office.GotoAsync("/Approval", Nav.Goto);
        await office.Locator("form[action*='handler=Start'] button").ClickAsync();
        await office.Locator("text=评议中").WaitForAsync();
    }

    /// <summary>A committee member votes on one organisation (“Approve”, “NotApprove” or “Recused”).</summary>
    public static async Task VoteAsync(IPage member, string organisation, string choice, string reason = "")
    {
        await member.GotoAsync("/Approval", Nav.Goto);
        var row = member.Locator("table tbody tr", new() { HasTextString = organisation });
        await row.Locator("select[name=Choice]").SelectOptionAsync(choice);
        await row.Locator("input[name=Reason]").FillAsync(reason);
        await row.Locator("button").ClickAsync();
        await member.Locator(".alert-success").WaitForAsync();
    }

    /// <summary>The office records “审定通过” for every organisation on the list, finalises, and returns the confirmation (with the certificate numbers).</summary>
    public static async Task<string> ApproveAllAndFinaliseAsync(IPage office)
    {
        await office.GotoAsync("/Approval", Nav.Goto);
        var sets = office.Locator("form[action*='handler=Decide'] fieldset");
        for (var i = 0; i < await sets.CountAsync(); i++)
        {
            await sets.Nth(i).Locator("input[value=true]").CheckAsync();
            await sets.Nth(i).Locator("input[id^=reason-d]").FillAsync("审定委员会表决通过");
        }
        await office.Locator("form[action*='handler=Decide'] button").ClickAsync();
        await office.Locator(".alert-success").WaitForAsync();
        await office.Locator("form[action*='handler=Finalise'] button").ClickAsync();
        var done = office.Locator(".alert-success", new() { HasTextString = "审定完成" });
        await done.WaitForAsync();
        return await done.InnerTextAsync();
    }
}
