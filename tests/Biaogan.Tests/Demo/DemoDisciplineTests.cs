using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Discipline;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Demo;

/// <summary>The demo's 第二十九条 record: one 警告 decided by the leading group, seen by the office where the organisation applies.</summary>
[Collection(DemoCollection.Name)]
public class DemoDisciplineTests(DemoAppFactory app)
{
    [Fact]
    public async Task The_demo_has_one_decided_warning_that_the_office_sees_on_the_organisations_qualification_page()
    {
        var s = Assert.Single(await app.WithDbAsync(db => db.Set<OrganizationSanction>().AsNoTracking().ToListAsync()));
        Assert.Equal(DisciplineKind.Warning, s.Kind);
        Assert.Equal(SanctionStatus.Decided, s.Status);
        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var section = (await office.GetAsync($"/Qualification/Review/{s.ApplicationId}")).QuerySelector("#discipline-h")?.ParentElement?.TextContent ?? "";
        Assert.Contains("警告", section);
        Assert.Contains(s.Number, section);
    }
}
