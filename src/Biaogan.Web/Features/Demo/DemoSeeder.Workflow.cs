using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Qualification;
using Biaogan.Web.Features.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>Moves the demo applications along through the same workflows the pages use.</summary>
internal sealed partial class DemoSeeder
{
    private async Task AdvanceAsync(Application app, DemoStage stage, AppUser applicant, List<RecommendingBody> bodies, CancellationToken ct)
    {
        if (stage == DemoStage.Draft) return;
        app = await applications.SubmitAsync(app.Id, null, ct);
        if (stage == DemoStage.Submitted) return;

        var recommender = await db.Users.FirstAsync(u => u.RecommendingBodyId == app.RecommendingBodyId, ct);
        actor.ActAs(recommender.Id, recommender.DisplayName);
        var tracked = await db.Set<Application>().FirstAsync(a => a.Id == app.Id, ct);
        using (var letter = new MemoryStream(DemoPdf.Create("Recommendation letter (demo)", tracked.Number ?? "")))
        {
            await recommendations.RecommendAsync(tracked, tracked.Version, "该组织长期坚持以用户为中心，用户满意度持续提升，在本地区、本行业具有示范作用，同意推荐。",
                letter, "推荐函.pdf", new ApplicationAccess.Caller(recommender.Id, null, recommender.RecommendingBodyId, false, false, true), ct);
        }
        if (stage == DemoStage.AwaitingQualification) return;

        var office = await db.Users.FirstAsync(u => u.Email == "office@demo.biaogan.cn", ct);
        actor.ActAs(office.Id, office.DisplayName);
        tracked = await db.Set<Application>().FirstAsync(a => a.Id == app.Id, ct);
        var supplement = stage == DemoStage.SupplementRequested;
        var items = QualificationChecklist.Items.Select(i => new ChecklistInput(i.Code,
            supplement && i.Code == QualificationChecklist.Items[2].Code ? ChecklistVerdict.NeedsSupplement : ChecklistVerdict.Satisfied,
            supplement && i.Code == QualificationChecklist.Items[2].Code ? "2023年度测评报告缺少测评机构资质证明页" : null)).ToList();
        await qualification.DecideAsync(tracked, tracked.Version, new QualificationDecision(
            supplement ? QualificationOutcome.Supplement : QualificationOutcome.Pass,
            supplement ? "请补充2023年度满意度测评报告中测评机构的资质证明页，并重新上传该年度测评报告。" : "五项基本条件均满足，材料齐全，推荐意见完备。",
            items), office.Id, ct);
        actor.ActAs(applicant.Id, applicant.DisplayName);
    }
}
