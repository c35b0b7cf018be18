using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Commitments;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Demo;

/// <summary>Issue 12 item 2: the demo shows a winner's goals, one progress report filed and one overdue.</summary>
[Collection(DemoCollection.Name)]
public class DemoCommitmentsTests(DemoAppFactory app)
{
    [Fact]
    public async Task The_office_sees_one_2025_benchmark_late_with_its_report_and_the_other_with_its_report_filed()
    {
        var awards = await app.WithDbAsync(db => db.Set<Award>().AsNoTracking().Where(a => a.Year == 2025).OrderBy(a => a.CertificateNumber).ToListAsync());
        var filed = await app.WithDbAsync(db => db.Set<ProgressReport>().AsNoTracking().SingleAsync(r => r.AwardId == awards[0].Id));
        Assert.Equal(2025, filed.Year);
        Assert.Equal(0, filed.DaysLate);
        var ids = awards.Select(a => a.Id).ToList();
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<QualityGoals>().CountAsync(g => ids.Contains(g.AwardId))));

        var office = await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
        var overdue = (await office.GetAsync("/Commitments")).QuerySelector("#overdue")!.TextContent;
        Assert.Contains(awards[1].OrganizationName, overdue);
        Assert.DoesNotContain(awards[0].OrganizationName, overdue);
        Assert.Contains("三年内用户满意度指数由 82.6 分提升到 86 分以上", PageClient.Text(await office.GetAsync($"/Awards/Details/{awards[0].Id}")));
    }

    [Fact]
    public async Task The_2025_benchmark_signs_in_sees_its_application_as_awarded_and_the_progress_report_it_owes()
    {
        var first = await app.WithDbAsync(db => db.Set<Award>().AsNoTracking().Where(a => a.Year == 2025).OrderBy(a => a.CertificateNumber).FirstAsync());
        var winner = await Cast.SignInAsync(app, new Persona("", "何静", "winner@demo.biaogan.cn", "Demo2026pass", null, null, null));
        var todo = PageClient.Text(await winner.GetAsync("/Progress/Todo"));
        Assert.Contains(first.OrganizationName, todo);
        Assert.Contains("已获奖", todo);
        Assert.Contains("BG2025-0001", todo);
        Assert.DoesNotContain("草稿", todo);
        Assert.Contains($"提交2026年度进展报告：{first.CertificateNumber}", todo);
        Assert.Contains("三年内用户满意度指数由 82.6 分提升到 86 分以上", PageClient.Text(await winner.GetAsync("/Commitments/Mine")));
    }

    [Fact]
    public async Task Every_past_winning_application_in_the_demo_is_numbered_and_qualified_not_a_draft()
    {
        var past = await app.WithDbAsync(db => (from a in db.Set<Award>().AsNoTracking()
                                                join x in db.Set<Biaogan.Web.Features.Applications.Application>() on a.ApplicationId equals x.Id
                                                select new { a.Year, x.Number, x.Status }).ToListAsync());
        Assert.Equal(5, past.Count);
        Assert.All(past, p =>
        {
            Assert.StartsWith($"BG{p.Year}-", p.Number);
            Assert.Equal(Biaogan.Web.Features.Applications.ApplicationStatus.Qualified, p.Status);
        });
    }
}
