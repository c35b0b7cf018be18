using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Input;
using Biaogan.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>Cross-cutting web set-up: pages, API conventions, identity, cookies, rate limits, errors.</summary>
public static class WebModule
{
    /// <summary>Setting that makes the OpenAPI document (and the API reference page) public; default false: signed-in users only.</summary>
    public const string OpenApiPublicSetting = "OpenApi:Public";
    /// <summary>Output-cache policy of the public pages (公示, 获奖名单, 标杆名录, 证书核验): anonymous GETs only.</summary>
    public const string PublicPagePolicy = "public-page";
    /// <summary>Tag of every cached public page; evict it (IOutputCacheStore.EvictByTagAsync) when what they show changes.</summary>
    public const string PublicPageTag = "public";
    /// <summary>Title of the OpenAPI document and of the API reference page (/scalar/v1).</summary>
    public const string ApiTitle = "全国用户满意标杆 API";

    public static void AddWebInfrastructure(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var production = builder.Environment.IsProduction();
        // Every absolute link comes from App:PublicBaseUrl; Production does not start without it, and accepts
        // only requests for that host unless AllowedHosts names others.
        var publicBase = PublicLinks.RequireInProduction(builder.Configuration, builder.Environment);
        if (production && publicBase is not null && builder.Configuration["AllowedHosts"] is null or "" or "*")
            services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = [publicBase.IdnHost]);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Emit Chinese text as is rather than as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddInputChecks();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Index");
            // The sign-in pages (/Account/Login …) share Features/Accounts with office pages: each carries [AllowAnonymous].
            o.Conventions.AllowAnonymousToFolder("/Public");
            o.Conventions.AllowAnonymousToPage("/Error");
        }).AddMvcOptions(o => o.Filters.Add<DomainRuleFilter>()).WithoutControllerDiscovery();
        services.UseLazyPageDescriptors();
        services.ConfigureOptions<ChineseBindingMessages>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            o.Cookie.Name = "biaogan.csrf";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddScoped<ApiAntiforgeryFilter>();
        services.AddScoped<PublicFormGuard>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = ApiTitle;
            doc.Info.Description = "全国用户满意标杆活动的 JSON 接口：与页面相同的操作和权限。写入类请求须带 X-CSRF-TOKEN（GET /api/antiforgery）。";
            return Task.CompletedTask;
        }));
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

        // A disabled account, a new password, changed roles or a reset authenticator change the security stamp;
        // every session re-checks it this often (default one minute) and ends when it no longer matches.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval =
            TimeSpan.FromSeconds(builder.Configuration.GetValue("Security:SessionCheckSeconds", 60)));
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

        services.AddCompression();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("提交过于频繁，请稍候一分钟再试。您填写的内容未丢失，返回上一页即可继续。", ct);
            };
            RateLimitPolicies.Add(o, builder.Configuration);
        });
        services.AddOutputCache(o => o.AddPolicy(PublicPagePolicy, p =>
            p.Expire(TimeSpan.FromSeconds(builder.Configuration.GetValue("PublicPages:CacheSeconds", 60)))
                .SetVaryByQuery("*").Tag(PublicPageTag)));
        services.Configure<ForwardedHeadersOptions>(o => ReverseProxy.Configure(o, builder.Configuration));
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
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/Error");
        app.UseInputChecks();
        if (app.Environment.IsProduction()) app.UseHsts();
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseCompression();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: the default output-cache rules never cache a signed-in user's page.
        app.UseOutputCache();
        // The API reference page follows the same rule as the document it renders (OpenApi:Public). Scalar serves its
        // script from the package itself, so the page works without internet.
        app.MapOpenApi().WithOpenApiVisibility(app.Configuration);
        app.MapScalarApiReference(o => o.WithTitle(ApiTitle)).WithOpenApiVisibility(app.Configuration);
        app.MapRazorPages();
        app.MapGet("/api/antiforgery", (Microsoft.AspNetCore.Antiforgery.IAntiforgery af, HttpContext http) =>
            Results.Ok(new { token = af.GetAndStoreTokens(http).RequestToken, header = "X-CSRF-TOKEN" }))
            .WithTags("安全").WithSummary("获取调用写入类接口所需的防伪令牌");
    }

    /// <summary>The OpenAPI document and the API reference: public only when <c>OpenApi:Public</c> is true, else signed-in users.</summary>
    public static TBuilder WithOpenApiVisibility<TBuilder>(this TBuilder endpoints, IConfiguration config) where TBuilder : IEndpointConventionBuilder =>
        config.GetValue(OpenApiPublicSetting, false) ? endpoints.AllowAnonymous() : endpoints.RequireAuthorization();

    /// <summary>The /api route group: JSON, authenticated, CSRF-checked, problem details on errors.</summary>
    public static RouteGroupBuilder MapApi(this WebApplication app, string prefix, string tag) =>
        app.MapGroup("/api" + prefix).RequireAuthorization().AddEndpointFilter<ApiAntiforgeryFilter>().WithTags(tag);
}
