using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>Where a confirmation round stands.</summary>
public enum RoundStatus
{
    /// <summary>进行中: the organisations submit, the leading group decides each benchmark's case.</summary>
    Open,
    /// <summary>已公布: the result is on the public 确认结果公告 page and in its PDF.</summary>
    Published,
}

/// <summary>
/// 获奖三年后确认 (第二十四条): one round the office opens for the benchmarks due. Each benchmark in it is a
/// <see cref="ConfirmationEntry"/> with its own supervision case of kind Confirmation; the round is published once every
/// case is decided.
/// </summary>
public sealed class ConfirmationRound : Entity
{
    public const int PrefaceLength = 2000;

    /// <summary>The China-local year the round was opened in.</summary>
    public int Year { get; private set; }
    /// <summary>The round's number within its year (1, 2, …).</summary>
    public int Sequence { get; private set; }
    /// <summary>Last China-local day for the organisations' submissions.</summary>
    public DateOnly SubmitBy { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public RoundStatus Status { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>The announcement's opening paragraph (公告说明), as the office wrote it.</summary>
    public string? Preface { get; private set; }

    private ConfirmationRound() { }

    public ConfirmationRound(int year, int sequence, DateOnly? submitBy, DateOnly today, string by, DateTimeOffset now)
    {
        if (submitBy is not { } on) throw new DomainRuleException("请填写组织提交确认材料的截止日期。");
        if (on <= today) throw new DomainRuleException($"提交截止日期应晚于今天（{ChinaTime.Format(today)}），请给组织留出准备材料的时间。");
        if (on > today.AddYears(1)) throw new DomainRuleException("提交截止日期不能晚于一年以后，请重新填写。");
        Year = year;
        Sequence = sequence;
        SubmitBy = on;
        OpenedAt = now;
        OpenedBy = by;
        Status = RoundStatus.Open;
        RecordAction($"开启{Title}，材料提交截止 {ChinaTime.Format(on)}");
    }

    public override (string Type, Guid Id) AuditSubject => ("ConfirmationRound", Id);

    /// <summary>“2029年获奖三年确认（第1批）”.</summary>
    public string Title => $"{Year}年获奖三年确认（第{Sequence}批）";

    /// <summary>Publishes the result; refused while any benchmark of the round is still undecided.</summary>
    public void Publish(IReadOnlyCollection<string> undecided, string? preface, DateTimeOffset now)
    {
        if (Status == RoundStatus.Published) throw new DomainRuleException("该批确认结果已经公布。");
        if (undecided.Count > 0)
            throw new DomainRuleException($"还有 {undecided.Count} 个标杆尚未由领导小组作出确认决定（{string.Join("、", undecided)}），全部决定后才能公布确认结果。");
        var text = string.IsNullOrWhiteSpace(preface) ? null : preface.Trim();
        if (text?.Length > PrefaceLength) throw new DomainRuleException($"公告说明请控制在 {PrefaceLength} 字以内（当前 {text.Length} 字）。");
        Preface = text;
        Status = RoundStatus.Published;
        PublishedAt = now;
        RecordAction($"公布{Title}的确认结果");
    }

    public static string StatusDisplay(RoundStatus s) => s == RoundStatus.Open ? "进行中" : "已公布";
}
