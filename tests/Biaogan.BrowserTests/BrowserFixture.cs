using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Biaogan.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Biaogan.BrowserTests;

/// <summary>The app on a real loopback socket (Kestrel) with its own database, and Debian's Chromium.</summary>
/// <remarks>
/// Chromium and Playwright's driver start once per test run and every journey shares them (<see cref="SharedBrowser"/>):
/// each page still gets a browser context of its own — own cookies, storage and cache — so journeys stay as isolated as
/// with a browser each, and the fixture closes its contexts when its class is done. Starting them per class cost about a
/// second of CPU each time on the 2-core CI machine.
/// </remarks>
public class BrowserFixture : AppFactory, IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];
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
        Browser = await SharedBrowser.GetAsync();
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
        lock (contexts) contexts.Add(context);
        var page = await context.NewPageAsync();
        // Irreversible actions ask first (data-confirm, wwwroot/js/site.js). A person who clicks such a button means it:
        // accept, and keep the question so a journey can check that it names what will happen.
        page.Dialog += async (_, dialog) =>
        {
            Confirmations.Enqueue(dialog.Message);
            await dialog.AcceptAsync();
        };
        return page;
    }

    /// <summary>Every confirmation question the pages asked, in order (accepted).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Confirmations { get; } = new();

    /// <summary>A browser page signed in as <paramref name="who"/> through the real login (and TOTP) pages.</summary>
    public async Task<IPage> SignedInPageAsync(Persona who, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/Account/Login", Nav.Goto);
        await page.FillAsync("#Input_Email", who.Email);
        await page.FillAsync("#Input_Password", who.Password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        if (who.TotpKey is not null)
        {
            await ExpectUrlAsync(page, "**/Account/LoginWith2fa**", who);
            await Cast.ForgetUsedTotpAsync(this, who.UserId);
            await page.FillAsync("#Input_Code", who.TotpCode(Clock.GetUtcNow()));
            await page.Locator("main form button[type=submit]").First.ClickAsync();
        }
        await page.WaitForFunctionAsync("() => !location.pathname.startsWith('/Account/Login')");
        return page;
    }

    /// <summary>
    /// Waits for a sign-in step's page; when it does not come, fails with where the browser is and what the page says
    /// (a refused sign-in names its reason there), not only with Playwright's timeout.
    /// </summary>
    private static async Task ExpectUrlAsync(IPage page, string glob, Persona who)
    {
        try
        {
            await Nav.ToAsync(page, glob);
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException) // an unmet URL assertion is a PlaywrightException
        {
            string said;
            try { said = await page.Locator("main").InnerTextAsync(new() { Timeout = 5000 }); }
            catch (PlaywrightException) { said = "（读不到页面内容）"; }
            throw new TimeoutException($"{who.Email} 登录后没有到达 {glob}，停在 {page.Url}。页面内容：{said}", e);
        }
    }

    /// <summary>
    /// A full-page screenshot kept as a test artifact. The pages look the same on both databases, so only the SQLite pass
    /// takes them (they were an eighth of the browser assembly's time); <c>BIAOGAN_SCREENSHOTS=all</c> takes them on
    /// PostgreSQL too and <c>none</c> on neither. They are JPEG (quality 85): encoding 110 full-page PNGs cost Chromium
    /// ~15 CPU-s per pass (docs/stack.md); <c>BIAOGAN_SCREENSHOT_TYPE=png</c> gives lossless ones, e.g. for docs/images.
    /// </summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        if (!TakesScreenshots) return;
        var png = Environment.GetEnvironmentVariable("BIAOGAN_SCREENSHOT_TYPE") == "png";
        var file = Path.Combine(ArtifactsDir, $"{TestDatabase.Provider.ToLowerInvariant()}-{name}.{(png ? "png" : "jpg")}");
        await page.ScreenshotAsync(png
            ? new() { Path = file, FullPage = true }
            : new() { Path = file, FullPage = true, Type = ScreenshotType.Jpeg, Quality = 85 });
    }

    private static bool TakesScreenshots { get; } = Environment.GetEnvironmentVariable("BIAOGAN_SCREENSHOTS") switch
    {
        "all" => true,
        "none" => false,
        _ => TestDatabase.Provider == "Sqlite",
    };

    async Task IAsyncLifetime.DisposeAsync()
    {
        List<IBrowserContext> open;
        lock (contexts) open = [.. contexts];
        foreach (var context in open)
        {
            try { await context.CloseAsync(); } catch (PlaywrightException) { /* the browser is already gone */ }
        }
        await DisposeAsync();
    }
}

/// <summary>One Playwright driver and one Chromium for the whole test run, relaunched if Chromium went away.</summary>
public static class SharedBrowser
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (browser is { IsConnected: true }) return browser;
            if (playwright is null)
            {
                playwright = await Playwright.CreateAsync().WaitAsync(TimeSpan.FromMinutes(1));
                // Chromium and the driver are child processes: close them when the test process ends.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Close();
            }
            browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // --in-process-gpu: the software compositor runs in the browser process instead of a GPU process of its
                // own (~5 CPU-s less per pass, docs/stack.md).
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--in-process-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--lang=zh-CN",
                    .. (Environment.GetEnvironmentVariable("CHROMIUM_EXTRA_ARGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)],
            }).WaitAsync(TimeSpan.FromMinutes(1));
            return browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Debian's old headless shell (package chromium-headless-shell, the same Chromium build) when installed, else the full
    /// browser in its headless mode. The shell has no browser UI to keep up; a journey took ~40 % less CPU with it
    /// (docs/stack.md, "Where the CPU goes"). <c>CHROMIUM_PATH</c> picks another executable.
    /// </summary>
    private static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH")
        ?? (File.Exists(HeadlessShell) ? HeadlessShell : "/usr/bin/chromium");

    private const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";

    private static void Close()
    {
        try { browser?.CloseAsync().Wait(TimeSpan.FromSeconds(10)); } catch (AggregateException) { /* already gone */ }
        playwright?.Dispose();
        browser = null;
        playwright = null;
    }
}

/// <summary>
/// How the journeys wait for a page. <see cref="Goto"/> opens one and waits for its DOM. <see cref="ToAsync(IPage,string,float)"/>
/// waits until the address bar shows the page a click led to, and nothing else: it is an assertion, polled by
/// Playwright's driver, and never reads the client's list of load states.
/// </summary>
/// <remarks>
/// <c>WaitForURLAsync</c> (and <c>WaitForLoadStateAsync</c> under it) first looks whether the client has already seen
/// the state and only then starts to listen for it. Under load the state's event arrived between the two, so the wait
/// missed it and hung for 30 s on a page that was long there — Playwright logged the later "NetworkIdle" and nothing
/// else. It hit a different step in five of eight CI runs of two days, waiting for <c>load</c> and for
/// <c>DOMContentLoaded</c> alike. The steps that follow a navigation wait for what they need themselves (Playwright's
/// actions and assertions retry).
/// </remarks>
public static class Nav
{
    public static PageGotoOptions Goto => new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    /// <summary>Waits until the page's address matches <paramref name="glob"/> (<c>**</c> any text, <c>*</c> any text without “/”).</summary>
    public static Task ToAsync(IPage page, string glob, float timeout = 30_000) => ToAsync(page, FromGlob(glob), timeout);

    /// <summary>Waits until the page's address matches <paramref name="url"/>.</summary>
    public static Task ToAsync(IPage page, Regex url, float timeout = 30_000) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = timeout });

    /// <summary>Waits until the page's address is the site's <paramref name="pathAndQuery"/>, exactly.</summary>
    public static Task ToPathAsync(IPage page, string pathAndQuery, float timeout = 30_000) =>
        ToAsync(page, new Regex("^[a-z]+://[^/]+" + Regex.Escape(pathAndQuery) + "$"), timeout);

    /// <summary>Playwright's URL glob as an anchored regular expression.</summary>
    public static Regex FromGlob(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] != '*') pattern.Append(Regex.Escape(glob[i].ToString()));
            else if (i + 1 < glob.Length && glob[i + 1] == '*') { pattern.Append(".*"); i++; }
            else pattern.Append("[^/]*");
        }
        return new Regex(pattern.Append('$').ToString());
    }
}
