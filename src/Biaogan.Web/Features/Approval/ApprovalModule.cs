namespace Biaogan.Web.Features.Approval;

/// <summary>审定 (第二十二条): pages under /Approval, the work report PDF, and the public 获奖名单 (/Public/Results).</summary>
public static class ApprovalModule
{
    public static void AddApproval(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApprovalWorkflow>();
        builder.Services.AddScoped<ApprovalNotices>();
        builder.Services.AddScoped<ApprovalListUse>();
        builder.Services.AddScoped<Applications.Gates.IListUse>(sp => sp.GetRequiredService<ApprovalListUse>());
    }

    public static void MapApproval(this WebApplication app)
    {
        app.MapResultsApi();
        app.MapApprovalApi();
    }
}
