using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Sharing;

/// <summary>The kinds of promotion events of 第二十五、三十一条.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SharingEventKind>))]
public enum SharingEventKind
{
    /// <summary>经验交流大会</summary>
    Conference,
    /// <summary>推广活动</summary>
    Promotion,
    /// <summary>其他</summary>
    Other,
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SharingEventStatus>))]
public enum SharingEventStatus
{
    /// <summary>草稿 — not yet sent to anybody.</summary>
    Draft,
    /// <summary>已发出邀请</summary>
    Invited,
    /// <summary>已举办 — attendance has been recorded.</summary>
    Held,
    /// <summary>已取消</summary>
    Cancelled,
}

/// <summary>
/// 经验交流大会 / 推广活动 (第二十五、三十一条): the office organises events where benchmarks share their practice. An event is
/// planned (draft), benchmarks are invited, they answer until the event begins, and the office records who came once it has
/// begun. Dates are China-local days.
/// </summary>
public sealed class SharingEvent : Entity
{
    public const int TitleLength = 200, PlaceLength = 200, TextLength = 4000;

    public SharingEventKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>主题</summary>
    public string Topic { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string Place { get; private set; } = "";
    public string Description { get; private set; } = "";
    public SharingEventStatus Status { get; private set; }
    public string? CancellationReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    private SharingEvent() { }

    public SharingEvent(SharingEventKind kind, string? title, string? topic, DateOnly? startsOn, DateOnly? endsOn, string? place,
        string? description, DateOnly today, string by, DateTimeOffset now)
    {
        Set(kind, title, topic, startsOn, endsOn, place, description, today);
        Status = SharingEventStatus.Draft;
        CreatedAt = now;
        CreatedBy = by;
        RecordAction($"新建{KindDisplay(kind)}“{Title}”（{DatesText}）");
    }

    /// <summary>Changes what the event is; not after it was held or cancelled.</summary>
    public void Revise(SharingEventKind kind, string? title, string? topic, DateOnly? startsOn, DateOnly? endsOn, string? place,
        string? description, DateOnly today)
    {
        if (Status is SharingEventStatus.Held or SharingEventStatus.Cancelled)
            throw new DomainRuleException($"该活动{StatusDisplay(Status)}，不能再修改。");
        Set(kind, title, topic, startsOn, endsOn, place, description, today);
        RecordAction($"修改活动“{Title}”（{DatesText}，{Place}）");
    }

    /// <summary>Benchmarks can be invited until the event begins.</summary>
    public void Invited(int count, DateOnly today)
    {
        if (Status is SharingEventStatus.Held or SharingEventStatus.Cancelled)
            throw new DomainRuleException($"该活动{StatusDisplay(Status)}，不能再邀请标杆。");
        if (today >= StartsOn) throw new DomainRuleException($"活动已于 {ChinaTime.Format(StartsOn)} 开始，不能再发出邀请。");
        Status = SharingEventStatus.Invited;
        RecordAction($"邀请 {count} 个标杆参加“{Title}”");
    }

    /// <summary>Answers are taken until the day before the event begins (the office needs the list of attendees).</summary>
    public void EnsureOpenForAnswers(DateOnly today)
    {
        if (Status == SharingEventStatus.Cancelled) throw new DomainRuleException("该活动已取消，无需答复。");
        if (today >= StartsOn)
            throw new DomainRuleException($"活动已于 {ChinaTime.Format(StartsOn)} 开始，不能再在系统中答复。如有变化，请直接联系活动办公室。");
    }

    /// <summary>Attendance is recorded from the day the event begins; the first record marks the event held.</summary>
    public void AttendanceRecorded(DateOnly today)
    {
        if (Status == SharingEventStatus.Cancelled) throw new DomainRuleException("该活动已取消，不能登记出席情况。");
        if (Status == SharingEventStatus.Draft) throw new DomainRuleException("该活动尚未发出邀请，没有可登记出席情况的标杆。");
        if (today < StartsOn)
            throw new DomainRuleException($"活动将于 {ChinaTime.Format(StartsOn)} 举行，请在活动开始后再登记出席情况。");
        if (Status != SharingEventStatus.Held)
        {
            Status = SharingEventStatus.Held;
            RecordAction($"“{Title}”已举办，登记出席情况");
        }
    }

    public void Cancel(string? reason)
    {
        if (Status == SharingEventStatus.Held) throw new DomainRuleException("该活动已举办，不能取消。");
        if (Status == SharingEventStatus.Cancelled) throw new DomainRuleException("该活动已经取消。");
        CancellationReason = Required(reason, "取消原因", 500, "请填写取消原因，受邀标杆会看到它。");
        Status = SharingEventStatus.Cancelled;
        RecordAction($"取消活动“{Title}”：{CancellationReason}");
    }

    public string DatesText => StartsOn == EndsOn ? ChinaTime.Format(StartsOn) : $"{ChinaTime.Format(StartsOn)}—{ChinaTime.Format(EndsOn)}";

    private void Set(SharingEventKind kind, string? title, string? topic, DateOnly? startsOn, DateOnly? endsOn, string? place,
        string? description, DateOnly today)
    {
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("请选择活动类型：经验交流大会、推广活动或其他。");
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(title)) problems.Add("请填写活动名称");
        if (string.IsNullOrWhiteSpace(topic)) problems.Add("请填写活动主题");
        if (startsOn is null) problems.Add("请填写活动日期（北京时间）");
        if (string.IsNullOrWhiteSpace(place)) problems.Add("请填写活动地点");
        if (problems.Count > 0) throw new DomainRuleException(string.Join("；", problems) + "。");
        var end = endsOn ?? startsOn!.Value;
        if (end < startsOn) throw new DomainRuleException("结束日期不能早于开始日期。");
        if (end.DayNumber - startsOn!.Value.DayNumber > 30) throw new DomainRuleException("一次活动最长 31 天，请检查日期。");
        if (startsOn != StartsOn && startsOn < today)
            throw new DomainRuleException($"活动日期 {ChinaTime.Format(startsOn.Value)} 已经过去，请填写今天或以后的日期。");
        Kind = kind;
        Title = Required(title, "活动名称", TitleLength, "");
        Topic = Required(topic, "活动主题", TitleLength, "");
        StartsOn = startsOn.Value;
        EndsOn = end;
        Place = Required(place, "活动地点", PlaceLength, "");
        Description = (description ?? "").Trim();
        if (Description.Length > TextLength) throw new DomainRuleException($"“活动说明”请控制在 {TextLength} 字以内（当前 {Description.Length} 字）。");
    }

    internal static string Required(string? text, string field, int max, string missing)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException(missing.Length > 0 ? missing : $"请填写{field}。");
        var t = text.Trim();
        if (t.Length > max) throw new DomainRuleException($"“{field}”请控制在 {max} 字以内（当前 {t.Length} 字）。");
        return t;
    }

    public static string KindDisplay(SharingEventKind k) => k switch
    {
        SharingEventKind.Conference => "经验交流大会",
        SharingEventKind.Promotion => "推广活动",
        _ => "其他活动",
    };

    public static string StatusDisplay(SharingEventStatus s) => s switch
    {
        SharingEventStatus.Draft => "草稿（尚未邀请）",
        SharingEventStatus.Invited => "已发出邀请",
        SharingEventStatus.Held => "已举办",
        _ => "已取消",
    };
}
