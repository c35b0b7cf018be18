using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.StageReports;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Infrastructure;

/// <summary>
/// 第九条 for tests that only need a list made final: the office generates the stage work report from the current records
/// and every member of the review committee records 同意 (a member “审议委员” is invited first when the committee is empty).
/// Call it right before finalising a shortlist (<see cref="StageReportKind.DocumentReview"/>) or a recommended list
/// (<see cref="StageReportKind.OnSite"/>), after the outcome is recorded: recording it changes the report's data.
/// </summary>
public static class StageReportsKit
{
    public static async Task DeliberateAsync(AppFactory app, Guid cycleId, StageReportKind kind)
    {
        var hasMembers = await app.WithDbAsync(async db => (await ShortlistQueries.MembersAsync(db, cycleId, default)).Count > 0);
        if (!hasMembers) await RankingBuilders.CommitteeAsync(app, "审议委员");
        await app.WithScopeAsync(async sp =>
        {
            var workflow = sp.GetRequiredService<StageReportWorkflow>();
            var view = await workflow.ViewAsync(cycleId, kind, default);
            if (view is null || view.Stale) await workflow.GenerateAsync(cycleId, kind, null, "office", default);
        });
        var members = await app.WithDbAsync(db => ShortlistQueries.MembersAsync(db, cycleId, default));
        foreach (var m in members)
            await app.WithScopeAsync(sp => sp.GetRequiredService<StageReportWorkflow>().RespondAsync(cycleId, kind, m.UserId, true, null, default));
    }

    /// <summary>The year's 评审工作报告 (第八条) as built for the approval committee.</summary>
    public static async Task<WorkReportData> WorkReportAsync(AppFactory app, Guid cycleId)
    {
        WorkReportData? data = null;
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            data = await WorkReport.BuildAsync(db, await db.Set<Cycle>().AsNoTracking().FirstAsync(c => c.Id == cycleId), app.Clock.GetUtcNow(),
                sp.GetRequiredService<StageReportWorkflow>());
        });
        return data!;
    }
}
