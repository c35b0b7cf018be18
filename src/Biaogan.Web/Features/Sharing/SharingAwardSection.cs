using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Sharing;

/// <summary>The benchmark's participation in experience sharing and its published cases, on the award pages (Awards' hook).</summary>
internal sealed class SharingAwardSection(SharingRecords records) : IAwardRecordSection
{
    public int Order => 20;

    public async Task<AwardRecordSection> SectionAsync(Award award, bool forOrganization, CancellationToken ct)
    {
        var record = await records.AllForAwardAsync(award.Id, ct);
        var lines = new List<AwardRecordLine>();
        foreach (var i in record.Invitations)
        {
            var text = $"{i.EventKind}，{ChinaTime.Format(i.StartsOn)}，{i.Place}" + (i.WillSpeak ? $"；发言“{i.TalkTitle}”" : "");
            var (badge, css) = i.Attendance is not null ? (i.AttendanceText, i.Attendance == Attendance.Present ? "badge-ok" : "badge-err")
                : (i.AnswerText, i.Answer == InvitationAnswer.Pending ? "badge-warn" : "badge-info");
            lines.Add(new(i.EventTitle, text, badge, css, forOrganization ? SharingLinks.Answer(i.Id) : SharingLinks.Event(i.EventId)));
        }
        foreach (var p in record.Published)
            lines.Add(new($"经验案例：{p.Title}", $"{(p.PublishedOn is { } d ? ChinaTime.Format(d) : "")} 发布", "已发布", "badge-ok",
                forOrganization ? SharingLinks.Practice(p.Id) : SharingLinks.Review(p.Id)));
        return new AwardRecordSection("经验交流与推广（第二十五、三十一条）", lines,
            forOrganization ? "/Sharing/Mine" : "/Sharing", forOrganization ? "答复邀请、提交经验案例" : "全部活动与经验案例",
            "尚未受邀参加经验交流活动，也没有已发布的经验案例。");
    }
}
