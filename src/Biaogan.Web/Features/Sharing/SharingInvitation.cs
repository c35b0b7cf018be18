using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Sharing;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<InvitationAnswer>))]
public enum InvitationAnswer
{
    /// <summary>待答复</summary>
    Pending,
    /// <summary>参加</summary>
    Attend,
    /// <summary>不参加</summary>
    Decline,
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Attendance>))]
public enum Attendance
{
    /// <summary>出席</summary>
    Present,
    /// <summary>缺席</summary>
    Absent,
}

/// <summary>
/// One benchmark invited to one event: its answer (参加 / 不参加, who comes, whether it speaks and on what), the materials it
/// sends (files in the file store, owner “SharingInvitation”) and — after the event — whether it came. Only the invited
/// organisation answers; only the office records attendance. Its history belongs to the event (audit subject).
/// </summary>
public sealed class SharingInvitation : Entity
{
    public const string FileOwner = "SharingInvitation";
    public const int AttendeesLength = 500, TalkLength = 200, NoteLength = 1000;

    public Guid EventId { get; private set; }
    public Guid AwardId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public string CertificateNumber { get; private set; } = "";
    public DateTimeOffset InvitedAt { get; private set; }
    public InvitationAnswer Answer { get; private set; }
    /// <summary>参会人员 (names and posts).</summary>
    public string Attendees { get; private set; } = "";
    public bool WillSpeak { get; private set; }
    public string TalkTitle { get; private set; } = "";
    public string AnswerNote { get; private set; } = "";
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }
    public Attendance? Attendance { get; private set; }
    public DateTimeOffset? AttendanceRecordedAt { get; private set; }
    public string? AttendanceRecordedBy { get; private set; }

    public override (string Type, Guid Id) AuditSubject => (nameof(SharingEvent), EventId);

    private SharingInvitation() { }

    public SharingInvitation(SharingEvent ev, Award award, DateTimeOffset now)
    {
        if (award.Status == AwardStatus.Revoked)
            throw new DomainRuleException($"{award.OrganizationName}（{award.CertificateNumber}）的称号已撤销，不能邀请。");
        EventId = ev.Id;
        AwardId = award.Id;
        OrganizationId = award.OrganizationId;
        OrganizationName = award.OrganizationName;
        CertificateNumber = award.CertificateNumber;
        InvitedAt = now;
        Answer = InvitationAnswer.Pending;
        RecordAction($"邀请{award.OrganizationName}（{award.CertificateNumber}）参加“{ev.Title}”");
    }

    /// <summary>The organisation's answer; it may change it until the event begins.</summary>
    public void Respond(SharingEvent ev, InvitationAnswer answer, string? attendees, bool willSpeak, string? talkTitle, string? note,
        DateOnly today, string by, DateTimeOffset now)
    {
        ev.EnsureOpenForAnswers(today);
        if (answer == InvitationAnswer.Pending || !Enum.IsDefined(answer)) throw new DomainRuleException("请选择“参加”或“不参加”。");
        note = (note ?? "").Trim();
        if (note.Length > NoteLength) throw new DomainRuleException($"“说明”请控制在 {NoteLength} 字以内（当前 {note.Length} 字）。");
        if (answer == InvitationAnswer.Attend)
        {
            Attendees = SharingEvent.Required(attendees, "参会人员", AttendeesLength, "请填写参会人员的姓名和职务。");
            WillSpeak = willSpeak;
            TalkTitle = willSpeak ? SharingEvent.Required(talkTitle, "发言题目", TalkLength, "愿意发言时请填写发言题目。") : "";
        }
        else
        {
            Attendees = "";
            WillSpeak = false;
            TalkTitle = "";
        }
        AnswerNote = note;
        var first = Answer == InvitationAnswer.Pending;
        Answer = answer;
        AnsweredAt = now;
        AnsweredBy = by;
        RecordAction($"{OrganizationName}{(first ? "答复" : "修改答复")}：{AnswerDisplay(answer)}" + (WillSpeak ? $"，发言“{TalkTitle}”" : ""));
    }

    /// <summary>The office records whether the benchmark came (from the day the event begins).</summary>
    public void RecordAttendance(SharingEvent ev, Attendance attendance, DateOnly today, string by, DateTimeOffset now)
    {
        if (!Enum.IsDefined(attendance)) throw new DomainRuleException("请选择“出席”或“缺席”。");
        ev.AttendanceRecorded(today);
        if (Attendance == attendance) return;
        Attendance = attendance;
        AttendanceRecordedAt = now;
        AttendanceRecordedBy = by;
        RecordAction($"登记{OrganizationName}{AttendanceDisplay(attendance)}“{ev.Title}”");
    }

    public static string AnswerDisplay(InvitationAnswer a) => a switch
    {
        InvitationAnswer.Attend => "参加",
        InvitationAnswer.Decline => "不参加",
        _ => "待答复",
    };

    public static string AttendanceDisplay(Attendance? a) => a switch
    {
        Sharing.Attendance.Present => "出席",
        Sharing.Attendance.Absent => "缺席",
        _ => "未登记",
    };
}
