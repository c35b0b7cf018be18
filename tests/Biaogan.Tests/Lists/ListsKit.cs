using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Lists;

/// <summary>Builders for the list tests: many drafts of organisations that share a name prefix, in chosen provinces.</summary>
public static class ListsKit
{
    /// <summary>
    /// One draft per name (each its own organisation and applicant), the organisation in <paramref name="province"/>
    /// and <paramref name="group"/>; returns the application ids and applicants in the order of the names.
    /// </summary>
    public static async Task<List<(Guid Id, Persona Applicant)>> DraftsAsync(AppFactory app, IEnumerable<string> names, string province = "11", string? group = null)
    {
        var ids = new List<(Guid, Persona)>();
        foreach (var name in names)
        {
            var applicant = await Cast.ApplicantAsync(app, name);
            await app.WithDbAsync(async db =>
            {
                var org = await db.Set<Organization>().FirstAsync(o => o.Id == applicant.OrganizationId);
                org.ProvinceCode = province;
                org.CityCode = province + "01";
                org.GroupName = group;
                await db.SaveChangesAsync();
            });
            ids.Add((await ApplicationsBuilders.DraftAsync(app, applicant), applicant));
        }
        return ids;
    }

    private static int _number;

    /// <summary>
    /// One application per name in the open cycle's 资格审查 queue (each its own organisation and applicant), moved to
    /// <paramref name="status"/> through the entity's own methods; a 补正 gets <paramref name="deadline"/>.
    /// </summary>
    public static async Task<List<(Guid Id, Persona Applicant)>> QueuedAsync(AppFactory app, IEnumerable<string> names, ApplicationStatus status,
        string province = "11", DateOnly? deadline = null)
    {
        var cycle = await ApplicationsBuilders.OpenCycleAsync(app);
        var outline = CriteriaCatalog.ForCycle(cycle.StandardCode);
        var ids = new List<(Guid, Persona)>();
        foreach (var name in names)
        {
            var applicant = await Cast.ApplicantAsync(app, name);
            var now = app.Clock.GetUtcNow();
            var a = new Application(cycle.Id, applicant.OrganizationId!.Value, outline, now);
            ApplicationsBuilders.Fill(a, outline);
            foreach (var m in a.Measurements) m.ReportFileId = Guid.NewGuid();
            a.DeclarationFileId = Guid.NewGuid();
            a.ChooseRecommendingBody(Guid.NewGuid(), now);
            var number = $"BG{cycle.Year}-{Interlocked.Increment(ref _number) + 8000:D4}";
            a.Submit(cycle, outline, 1, () => number, now);
            a.Recommend("同意推荐。", Guid.NewGuid(), "recommender", now);
            switch (status)
            {
                case ApplicationStatus.SupplementRequested:
                    a.RequestSupplement(deadline ?? app.Clock.Today().AddDays(10), true, "请补充测评机构的资质证书。", now);
                    break;
                case ApplicationStatus.Qualified: a.PassQualification(now); break;
                case ApplicationStatus.Disqualified: a.FailQualification(now); break;
            }
            await app.WithDbAsync(async db =>
            {
                var org = await db.Set<Organization>().FirstAsync(o => o.Id == applicant.OrganizationId);
                org.ProvinceCode = province;
                org.CityCode = province + "01";
                db.Add(a);
                await db.SaveChangesAsync();
            });
            ids.Add((a.Id, applicant));
        }
        return ids;
    }
}
