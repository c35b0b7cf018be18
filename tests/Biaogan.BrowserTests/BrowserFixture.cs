using System.Net;
using Biaogan.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>The app on a real loopback socket (Kestrel) with its own database, and Debian's Chromium.</summary>
public class BrowserFixture : AppFactory, IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Where screenshots go (kept as test artifacts).</summary>
    public static string ArtifactsDir { get; } = Environment.GetEnvironmentVariable("BIAOGAN_ARTIFACTS")
        ?? Path.Combine(AppContext.BaseDirectory, "artifacts");

    public BrowserFixture()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public async Task InitializeAsync()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync().WaitAsync(TimeSpan.FromMinutes(1));
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--lang=zh-CN"],
        }).WaitAsync(TimeSpan.FromMinutes(1));
        Directory.CreateDirectory(ArtifactsDir);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new() { Width = width, Height = height },
        });
        // Generous for a busy 2-core CI machine; a hung step is still caught by the 5-minute hang timeout of the test run.
        context.SetDefaultTimeout(30000);
        return await context.NewPageAsync();
    }

    /// <summary>A browser page signed in as <paramref name="who"/> through the real login (and TOTP) pages.</summary>
    public async Task<IPage> SignedInPageAsync(Persona who, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", who.Email);
        await page.FillAsync("#Input_Password", who.Password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        if (who.TotpKey is not null)
        {
            await page.WaitForURLAsync("**/Account/LoginWith2fa**");
            await Cast.ForgetUsedTotpAsync(this, who.UserId);
            await page.FillAsync("#Input_Code", who.TotpCode(Clock.GetUtcNow()));
            await page.Locator("main form button[type=submit]").First.ClickAsync();
        }
        await page.WaitForFunctionAsync("() => !location.pathname.startsWith('/Account/Login')");
        return page;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDir, $"{TestDatabase.Provider.ToLowerInvariant()}-{name}.png"), FullPage = true });

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await DisposeAsync();
    }
}
