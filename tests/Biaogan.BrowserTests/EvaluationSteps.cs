using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>
/// The steps of 综合评价 (第二十条) in Chromium, for this feature's journey and for the lead's journey from on-site review
/// to the certificate. Each starts from a signed-in page of the right person.
/// </summary>
public static class EvaluationSteps
{
    /// <summary>A 评审委员会委员 opens the category and votes on the application whose row names <paramref name="organization"/>.</summary>
    public static async Task VoteAsync(IPage member, Guid cycleId, string category, string organization, bool recommend, string reason)
    {
        await member.GotoAsync($"/Evaluation?cycleId={cycleId}&category={category}", Nav.Goto);
        var row = member.Locator("#evaluation-table tbody tr", new() { HasText = organization });
        await row.Locator($"input[name=Recommend][value={(recommend ? "true" : "false")}]").CheckAsync();
        await row.Locator("input[name=Reason]").FillAsync(reason);
        await row.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(member.Locator(".alert-success")).ToContainTextAsync("已保存您的投票");
    }

    /// <summary>
    /// The office records the category's outcome — <paramref name="recommended"/> in that order (names as shown in the table),
    /// every other row not recommended — with one reason each, or “none” with <paramref name="noneReason"/>, and finalises it.
    /// </summary>
    public static async Task RecordAndFinaliseAsync(IPage office, Guid cycleId, string category, IReadOnlyList<string> recommended, string reason,
        string? noneReason = null, IPage? member = null)
    {
        await office.GotoAsync($"/Evaluation?cycleId={cycleId}&category={category}", Nav.Goto);
        var rows = office.Locator("#evaluation-table tbody tr");
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            var text = await row.InnerTextAsync();
            var place = recommended.Select((name, k) => (name, k)).FirstOrDefault(x => text.Contains(x.name));
            var box = row.Locator("input[type=checkbox]");
            if (place.name is not null)
            {
                await box.CheckAsync();
                await row.Locator("input[type=number]").FillAsync((place.k + 1).ToString());
            }
            else await box.UncheckAsync();
            await row.Locator("textarea").FillAsync(place.name is not null ? reason : "综合得分未达到推荐水平");
        }
        if (noneReason is not null) await office.FillAsync("#NoneReason", noneReason);
        await office.ClickAsync("button:has-text('保存综合评价结果')");
        await Assertions.Expect(office.Locator(".alert-success")).ToContainTextAsync("已保存综合评价结果");
        // 第九条: the committee 审议 the 现场评审工作报告 on the recorded outcome before the list is final.
        if (member is not null) await StageReportSteps.DeliberateAsync(office, member, cycleId, "OnSite");
        await office.GotoAsync($"/Evaluation?cycleId={cycleId}&category={category}", Nav.Goto);
        await office.ClickAsync("button:has-text('确定推荐名单')");
        await Assertions.Expect(office.Locator("#evaluation-status")).ToHaveTextAsync("推荐名单已确定");
    }
}
