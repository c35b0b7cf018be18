using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Sharing;
using Biaogan.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Demo;

/// <summary>The demo shows experience sharing on first start: a held conference, an upcoming event, a published and a pending case.</summary>
[Collection(DemoCollection.Name)]
public class DemoSharingTests(DemoAppFactory app)
{
    [Fact]
    public async Task First_start_has_a_held_conference_an_unanswered_invitation_with_its_reminder_and_a_published_case()
    {
        var events = await app.WithDbAsync(db => db.Set<SharingEvent>().AsNoTracking().OrderBy(e => e.StartsOn).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.Equal(SharingEventStatus.Held, events[0].Status);
        Assert.Equal(SharingEventKind.Conference, events[0].Kind);
        Assert.Equal(SharingEventStatus.Invited, events[1].Status);
        var invitations = await app.WithDbAsync(db => db.Set<SharingInvitation>().AsNoTracking().ToListAsync());
        Assert.Equal([Attendance.Present, Attendance.Absent], invitations.Where(i => i.EventId == events[0].Id).OrderBy(i => i.CertificateNumber).Select(i => i.Attendance));
        var pending = invitations.Single(i => i.EventId == events[1].Id && i.Answer == InvitationAnswer.Pending);
        Assert.True(await app.WithDbAsync(db => db.Set<ScheduledWork>().AnyAsync(w => w.Kind == SharingReminderWork.WorkKind && w.Key.StartsWith(pending.Id.ToString()))));
        var practices = await app.WithDbAsync(db => db.Set<BenchmarkPractice>().AsNoTracking().ToListAsync());
        Assert.Equal([PracticeStatus.Published, PracticeStatus.Submitted], practices.OrderBy(p => p.OrganizationName != "朗程家电股份有限公司").Select(p => p.Status));

        var page = PageClient.Text(await Cast.Anonymous(app).GetAsync("/Public/Practices"));
        Assert.Contains("售后服务“一次修好”", page);
        Assert.DoesNotContain("城乡一体化供水的用户满意度管理", page);
    }
}
