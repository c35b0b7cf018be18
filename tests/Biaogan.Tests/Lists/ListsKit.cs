using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Organizations;
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
}
