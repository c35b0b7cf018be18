using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Biaogan.Tests.Infrastructure;
using static Biaogan.Tests.Infrastructure.SupervisionKit;

namespace Biaogan.Tests.Sharing;

/// <summary>Issue 12 item 3 over JSON: every page action of experience sharing is also an /api/sharing call.</summary>
public class SharingApiTests(JobsAppFactory app) : IClassFixture<JobsAppFactory>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task An_event_its_answers_materials_attendance_and_a_published_case_all_work_through_the_API()
    {
        var winner = await AwardsTestKit.WinnerAsync(app, "接口交流有限公司");
        var office = await OfficeApiAsync(app);
        var own = await (await Cast.SignInAsync(app, winner.Contact)).ApiAsync();

        var eventId = await SharingKit.EventAsync(office, app, "接口经验交流大会", daysAhead: 10);
        var moved = await JsonAsync(await office.PutAsJsonAsync($"/api/sharing/events/{eventId}", new
        {
            kind = "Promotion", title = "接口经验推广活动", topic = "服务创新", startsOn = SharingKit.Today(app).AddDays(12), place = "上海", version = 0,
        }), HttpStatusCode.OK);
        Assert.Equal("Promotion", moved.GetProperty("kind").GetString());
        await SharingKit.InviteAsync(office, eventId, winner.Award.Id);
        var invitation = await SharingKit.InvitationAsync(own, eventId);
        var id = invitation.GetProperty("id").GetGuid();
        Assert.Equal("Pending", invitation.GetProperty("answer").GetString());

        var answered = await JsonAsync(await own.PostAsJsonAsync($"/api/sharing/invitations/{id}/answer", new
        {
            answer = "Attend", attendees = "李晓梅（质量部部长）", willSpeak = true, talkTitle = "服务承诺的兑现", version = invitation.GetProperty("version").GetInt32(),
        }), HttpStatusCode.OK);
        Assert.Equal("参加", answered.GetProperty("answerText").GetString());
        var noTitle = await own.PostAsJsonAsync($"/api/sharing/invitations/{id}/answer", new { answer = "Attend", attendees = "李晓梅", willSpeak = true });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noTitle.StatusCode);
        Assert.Contains("请填写发言题目", await noTitle.Content.ReadAsStringAsync());

        var form = new MultipartFormDataContent();
        var pdf = new ByteArrayContent(SharingKit.Pdf);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "file", "交流材料.pdf");
        await JsonAsync(await own.PostAsync($"/api/sharing/invitations/{id}/files", form), HttpStatusCode.Created);

        var details = await JsonAsync(await office.GetAsync($"/api/sharing/events/{eventId}"), HttpStatusCode.OK);
        var line = details.GetProperty("invitations").EnumerateArray().Single();
        Assert.Equal("服务承诺的兑现", line.GetProperty("talkTitle").GetString());
        Assert.Equal("交流材料.pdf", line.GetProperty("materials")[0].GetProperty("fileName").GetString());

        // Attendance: refused before the event begins, recorded after.
        var items = new[] { new { invitationId = id, attendance = "Present" } };
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await office.PostAsJsonAsync($"/api/sharing/events/{eventId}/attendance", new { items })).StatusCode);
        app.Clock.SetUtcNow(new DateTimeOffset(SharingKit.Today(app).AddDays(12).ToDateTime(new TimeOnly(10, 0)), China));
        office = await OfficeApiAsync(app);
        var held = await JsonAsync(await office.PostAsJsonAsync($"/api/sharing/events/{eventId}/attendance", new { items }), HttpStatusCode.OK);
        Assert.Equal("Held", held.GetProperty("status").GetString());
        own = await (await Cast.SignInAsync(app, winner.Contact)).ApiAsync();
        Assert.Equal("出席", (await SharingKit.InvitationAsync(own, eventId)).GetProperty("attendanceText").GetString());

        // A case: submitted by the winner, in the office's queue, approved, then on the public JSON; withdrawn, gone again.
        var practiceId = await SharingKit.SubmittedPracticeAsync(own, winner.Award.Id, "接口发布的经验案例");
        var queue = await JsonAsync(await office.GetAsync("/api/sharing/practices?queue=true"), HttpStatusCode.OK);
        Assert.Contains(queue.EnumerateArray(), p => p.GetProperty("id").GetGuid() == practiceId);
        var version = await SharingKit.VersionOfPracticeAsync(office, practiceId);
        await JsonAsync(await office.PostAsJsonAsync($"/api/sharing/practices/{practiceId}/approve", new { version }), HttpStatusCode.OK);
        var anonymous = Cast.Anonymous(app).Http;
        Assert.Contains("接口发布的经验案例", await anonymous.GetStringAsync("/api/public/practices?year=2026"));
        version = await SharingKit.VersionOfPracticeAsync(office, practiceId);
        var noReason = await office.PostAsJsonAsync($"/api/sharing/practices/{practiceId}/withdraw", new { version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        // A refused request changes nothing: the action runs only after the input is valid.
        var tooLong = await office.PostAsJsonAsync($"/api/sharing/practices/{practiceId}/withdraw", new { version, reason = new string('理', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("理由不能超过1000个字", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(version, await SharingKit.VersionOfPracticeAsync(office, practiceId));
        Assert.Contains("接口发布的经验案例", await anonymous.GetStringAsync("/api/public/practices?year=2026"));
        await JsonAsync(await office.PostAsJsonAsync($"/api/sharing/practices/{practiceId}/withdraw", new { version, reason = "数据有误，待更正。" }), HttpStatusCode.OK);
        Assert.DoesNotContain("接口发布的经验案例", await anonymous.GetStringAsync("/api/public/practices?year=2026"));
    }
}
