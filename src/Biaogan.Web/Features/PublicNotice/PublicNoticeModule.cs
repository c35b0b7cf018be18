namespace Biaogan.Web.Features.PublicNotice;

/// <summary>公示 and 异议 (第二十一条): office pages under /PublicNotice, public pages under /Public/Notice.</summary>
public static class PublicNoticeModule
{
    public static void AddPublicNotice(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NoticeWorkflow>();
        builder.Services.AddScoped<NoticeOutcomeNotices>();
        builder.Services.AddScoped<ObjectionIntake>();
        builder.Services.AddScoped<NoticeCorrections>();
        builder.Services.AddScoped<Applications.Gates.IListUse, NoticeListUse>();
    }

    public static void MapPublicNotice(this WebApplication app)
    {
        app.MapPublicNoticeApi();
        app.MapNoticeApi();
    }
}
