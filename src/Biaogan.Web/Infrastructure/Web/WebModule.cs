using System.Threading.RateLimiting;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>Cross-cutting web set-up: pages, API conventions, identity, cookies, rate limits, errors.</summary>
public static class WebModule
{
    /// <summary>Rate-limit policy for forms the public can post (registration, login, objections).</summary>
    public const string PublicFormPolicy = "public-form";
    /// <summary>Output-cache policy of the public pages (公示, 获奖名单, 标杆名录, 证书核验): anonymous GETs only.</summary>
    public const string PublicPagePolicy = "public-page";
    /// <summary>Tag of every cached public page; evict it (IOutputCacheStore.EvictByTagAsync) when what they show changes.</summary>
    public const string PublicPageTag = "public";

    public static void AddWebInfrastructure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Emit Chinese text as is rather than as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Index");
            // The sign-in pages (/Account/Login …) share Features/Accounts with office pages: each carries [AllowAnonymous].
            o.Conventions.AllowAnonymousToFolder("/Public");
            o.Conventions.AllowAnonymousToPage("/Error");
        }).AddMvcOptions(o => o.Filters.Add<DomainRuleFilter>());
        services.ConfigureOptions<ChineseBindingMessages>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "biaogan.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddScoped<ApiAntiforgeryFilter>();
        services.AddOpenApi();
        services.AddDataProtection().SetApplicationName("Biaogan").PersistKeysToDbContext<AppDbContext>();

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.AllowedUserNameCharacters = "";
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();

        var production = builder.Environment.IsProduction();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "biaogan.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("提交过于频繁，请稍候一分钟再试。您填写的内容未丢失，返回上一页即可继续。", ct);
            };
            o.AddPolicy(PublicFormPolicy, http =>
            {
                if (HttpMethods.IsGet(http.Request.Method))
                    return RateLimitPartition.GetNoLimiter("get");
                var limit = builder.Configuration.GetValue("RateLimits:PublicFormPerMinute", 20);
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1) });
            });
        });
        services.AddOutputCache(o => o.AddPolicy(PublicPagePolicy, p =>
            p.Expire(TimeSpan.FromSeconds(builder.Configuration.GetValue("PublicPages:CacheSeconds", 60)))
                .SetVaryByQuery("*").Tag(PublicPageTag)));
        services.Configure<ForwardedHeadersOptions>(o =>
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static void UseWebInfrastructure(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/Error");
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers["X-Content-Type-Options"] = "nosniff";
            ctx.Response.Headers["X-Frame-Options"] = "DENY";
            ctx.Response.Headers["Referrer-Policy"] = "same-origin";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: the default output-cache rules never cache a signed-in user's page.
        app.UseOutputCache();
        app.MapOpenApi();
        app.MapRazorPages();
        app.MapGet("/api/antiforgery", (Microsoft.AspNetCore.Antiforgery.IAntiforgery af, HttpContext http) =>
            Results.Ok(new { token = af.GetAndStoreTokens(http).RequestToken, header = "X-CSRF-TOKEN" }))
            .WithTags("安全").WithSummary("获取调用写入类接口所需的防伪令牌");
    }

    /// <summary>The /api route group: JSON, authenticated, CSRF-checked, problem details on errors.</summary>
    public static RouteGroupBuilder MapApi(this WebApplication app, string prefix, string tag) =>
        app.MapGroup("/api" + prefix).RequireAuthorization().AddEndpointFilter<ApiAntiforgeryFilter>().WithTags(tag);
}
