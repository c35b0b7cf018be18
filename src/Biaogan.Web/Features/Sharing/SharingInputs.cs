using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Features.Sharing;

/// <summary>The event form, shared by the page and the API (same Chinese messages; the entity checks the rest).</summary>
public sealed class EventInput
{
    [Display(Name = "活动类型")] public SharingEventKind Kind { get; set; } = SharingEventKind.Conference;
    [Display(Name = "活动名称"), StringLength(SharingEvent.TitleLength, ErrorMessage = "活动名称不能超过200个字。")] public string? Title { get; set; }
    [Display(Name = "活动主题"), StringLength(SharingEvent.TitleLength, ErrorMessage = "活动主题不能超过200个字。")] public string? Topic { get; set; }
    [Display(Name = "开始日期")] public DateOnly? StartsOn { get; set; }
    [Display(Name = "结束日期")] public DateOnly? EndsOn { get; set; }
    [Display(Name = "活动地点"), StringLength(SharingEvent.PlaceLength, ErrorMessage = "活动地点不能超过200个字。")] public string? Place { get; set; }
    [Display(Name = "活动说明"), StringLength(SharingEvent.TextLength, ErrorMessage = "活动说明不能超过4000个字。")] public string? Description { get; set; }
    public int? Version { get; set; }

    public EventForm ToForm() => new(Kind, Title, Topic, StartsOn, EndsOn, Place, Description);

    public static EventInput From(EventView e) => new()
    {
        Kind = e.Kind, Title = e.Title, Topic = e.Topic, StartsOn = e.StartsOn, EndsOn = e.EndsOn, Place = e.Place, Description = e.Description,
        Version = e.Version,
    };
}

/// <summary>The answer form of an invitation.</summary>
public sealed class AnswerInput
{
    [Display(Name = "是否参加")] public InvitationAnswer Answer { get; set; } = InvitationAnswer.Attend;
    [Display(Name = "参会人员"), StringLength(SharingInvitation.AttendeesLength, ErrorMessage = "参会人员不能超过500个字。")] public string? Attendees { get; set; }
    [Display(Name = "愿意在会上发言")] public bool WillSpeak { get; set; }
    [Display(Name = "发言题目"), StringLength(SharingInvitation.TalkLength, ErrorMessage = "发言题目不能超过200个字。")] public string? TalkTitle { get; set; }
    [Display(Name = "说明"), StringLength(SharingInvitation.NoteLength, ErrorMessage = "说明不能超过1000个字。")] public string? Note { get; set; }
    public int? Version { get; set; }

    public AnswerForm ToForm() => new(Answer, Attendees, WillSpeak, TalkTitle, Note);
}

/// <summary>The practice (经验案例) form.</summary>
public sealed class PracticeInput
{
    [Display(Name = "案例标题"), StringLength(BenchmarkPractice.TitleLength, ErrorMessage = "案例标题不能超过200个字。")] public string? Title { get; set; }
    [Display(Name = "案例正文"), StringLength(BenchmarkPractice.SummaryLength, ErrorMessage = "案例正文不能超过8000个字。")] public string? Summary { get; set; }
    public int? Version { get; set; }
}

/// <summary>The office's reason to return or withdraw a case, or to cancel an event.</summary>
public sealed class ReasonInput
{
    [Display(Name = "理由"), StringLength(BenchmarkPractice.ReasonLength, ErrorMessage = "理由不能超过1000个字。")] public string? Reason { get; set; }
    public int? Version { get; set; }
}
