using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// 第九条 in the demo: the office records the committee's 入围评议 of the category with the agreed consensus, generates the
/// 资料评审阶段工作报告, and the demo committee member 审议 it (同意) — so the shortlist can be made final from the demo.
/// </summary>
internal sealed partial class DemoSeeder
{
    private async Task StageReportAsync(Cycle cycle, CancellationToken ct)
    {
        var office = await db.Users.FirstAsync(u => u.Email == "office@demo.biaogan.cn", ct);
        var member = await db.Users.FirstAsync(u => u.Email == "committee@demo.biaogan.cn", ct);
        actor.ActAs(office.Id, office.DisplayName);
        foreach (var category in Enum.GetValues<AwardCategory>())
        {
            var candidates = await shortlist.CandidatesAsync(cycle.Id, category, ct);
            if (candidates.Count == 0) continue;
            var decision = await shortlist.DecisionAsync(cycle.Id, category, ct);
            await shortlist.RecordOutcomeAsync(cycle.Id, category,
                candidates.Select(id => new OutcomeInput(id, true, "一致性总分达到本类别入围水平，委员一致同意进入现场评审。")).ToList(), decision.Version, ct);
        }
        await stageReports.GenerateAsync(cycle.Id, StageReportKind.DocumentReview, clock.Today().AddDays(7), office.Id, ct);
        actor.ActAs(member.Id, member.DisplayName);
        await stageReports.RespondAsync(cycle.Id, StageReportKind.DocumentReview, member.Id, true, "报告数据与排名一致，同意所列入围建议。", ct);
        actor.ActAs(null, "演示数据");
    }
}
