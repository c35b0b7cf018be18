using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;

namespace Biaogan.Web.Features.Discipline;

/// <summary>纪律 (第二十八、二十九条): organisation sanctions decided by the leading group, withdrawal of qualification,
/// a suspended or revoked reviewer's seats, referrals to the judicial authorities (docs/decisions/0042).</summary>
public static class DisciplineModule
{
    public static void AddDiscipline(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DisciplineWorkflow>();
        builder.Services.AddScoped<QualificationWithdrawal>();
        builder.Services.AddScoped<IReviewerStandDown, ReviewerSeatRelease>();
        builder.Services.AddScoped<IDisciplineRecord, DisciplineRecord>();
    }

    public static void MapDiscipline(this WebApplication app) => app.MapDisciplineApi();
}
