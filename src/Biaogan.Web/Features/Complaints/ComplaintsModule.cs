namespace Biaogan.Web.Features.Complaints;

/// <summary>公众投诉 (第二十七、三十二条): the public form under /Public/Complaints, the office's pages under /Complaints, /api/complaints.</summary>
public static class ComplaintsModule
{
    public static void AddComplaints(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ComplaintIntake>();
        builder.Services.AddScoped<ComplaintOffice>();
    }

    public static void MapComplaints(this WebApplication app) => app.MapComplaintsApi();
}
