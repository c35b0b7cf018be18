using Microsoft.Playwright;
using OtpNet;

// Takes the user guide's screenshots from a running demo (scripts/user-guide-screenshots.sh starts it on a fresh
// database): each demo role signs in through the real login page (staff bind an authenticator on the way, as a new
// staff member would), opens its pages and waits for a text that proves the demo data is there. A page without that
// text fails the run, so a screenshot never shows an empty or broken page.
// Usage: GuideShots <base-url> <output-dir>
if (args.Length != 2) { Console.Error.WriteLine("usage: GuideShots <base-url> <output-dir>"); return 2; }
var (baseUrl, outDir) = (args[0].TrimEnd('/'), args[1]);
Directory.CreateDirectory(outDir);
const string password = "Demo2026pass";

var shots = new (string Email, bool Staff, string Path, string Expect, string File)[]
{
    // 获奖组织 (the 2025 benchmark): commitments and progress reports, experience sharing
    ("winner@demo.biaogan.cn", false, "/Progress/Todo", "待办", "todo-winner"),
    ("winner@demo.biaogan.cn", false, "/Commitments/Mine", "进展报告", "commitments-winner"),
    ("winner@demo.biaogan.cn", false, "/Sharing/Mine", "经验交流", "sharing-winner"),
    // 申报组织, 推荐单位, 评审员: their to-do pages
    ("xinghe@demo.biaogan.cn", false, "/Progress/Todo", "待办", "todo-applicant"),
    ("huadong@demo.biaogan.cn", false, "/Progress/Todo", "待办", "todo-recommender"),
    ("reviewer1@demo.biaogan.cn", false, "/Progress/Todo", "待办", "todo-reviewer"),
    // 活动办公室
    ("office@demo.biaogan.cn", true, "/Progress/Todo", "待办", "todo-office"),
    ("office@demo.biaogan.cn", true, "/Applications", "共", "applications-office"),
    ("office@demo.biaogan.cn", true, "/Search?q=%E6%98%9F%E6%B2%B3", "星河智能家电", "search-office"),
    ("office@demo.biaogan.cn", true, "/Commitments", "进展报告", "commitments-office"),
    ("office@demo.biaogan.cn", true, "/Sharing", "经验交流", "sharing-office"),
    ("office@demo.biaogan.cn", true, "/Complaints", "投诉", "complaints-office"),
    ("office@demo.biaogan.cn", true, "/Discipline", "处分", "discipline-office"),
    // 领导小组
    ("leader@demo.biaogan.cn", true, "/Progress/Todo", "待办", "todo-leader"),
    ("leader@demo.biaogan.cn", true, "/Oversight", "标杆", "oversight-leader"),
    // 评审委员会
    ("committee@demo.biaogan.cn", true, "/Progress/Todo", "待办", "todo-committee"),
    // 公众
    ("", false, "/Public/Practices", "经验案例", "practices-public"),
    ("", false, "/Public/Complaints", "投诉", "complaint-form-public"),
};

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--lang=zh-CN"],
});
var failures = 0;
foreach (var who in shots.Select(s => (s.Email, s.Staff)).Distinct())
{
    var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "zh-CN", TimezoneId = "Asia/Shanghai", ViewportSize = new() { Width = 1280, Height = 900 } });
    var page = await context.NewPageAsync();
    page.SetDefaultTimeout(60_000);
    if (who.Email.Length > 0) await SignInAsync(page, who.Email, who.Staff);
    foreach (var shot in shots.Where(s => s.Email == who.Email))
    {
        await page.GotoAsync(shot.Path);
        var text = await page.Locator("main").InnerTextAsync();
        if (!text.Contains(shot.Expect, StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"{shot.File}: {shot.Path} as {(who.Email.Length > 0 ? who.Email : "visitor")} does not show “{shot.Expect}”");
            failures++;
            continue;
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(outDir, $"guide-{shot.File}.png"), FullPage = true });
        Console.WriteLine($"guide-{shot.File}.png  {shot.Path}");
    }
    await context.CloseAsync();
}
return failures == 0 ? 0 : 1;

static async Task SignInAsync(IPage page, string email, bool staff)
{
    await page.GotoAsync("/Account/Login");
    await page.FillAsync("#Input_Email", email);
    await page.FillAsync("#Input_Password", password);
    await page.Locator("main form button[type=submit]").First.ClickAsync();
    if (staff)
    {
        // A fresh demo database: staff bind an authenticator at their first sign-in.
        await page.WaitForURLAsync("**/Accounts/TwoFactorSetup**");
        var key = (await page.InnerTextAsync("#shared-key")).Replace(" ", "").ToUpperInvariant();
        await page.FillAsync("#Input_Code", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime));
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.Locator(".recovery-codes li").First.WaitForAsync();
    }
    else await page.WaitForFunctionAsync("() => !location.pathname.startsWith('/Account/Login')");
}
