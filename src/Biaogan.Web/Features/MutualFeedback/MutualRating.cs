using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>Where one rating stands: submitted ratings are locked until the office reopens them.</summary>
public enum RatingStatus
{
    /// <summary>已提交 — locked.</summary>
    Submitted,
    /// <summary>已重新开放 — the office reopened it with a reason; the author may change and resubmit it.</summary>
    Reopened,
}

/// <summary>One answer on the 1–5 scale.</summary>
public sealed class RatingAnswer
{
    public string Code { get; set; } = "";
    public int Score { get; set; }
}

/// <summary>
/// 双向监督反馈 (第三十条) after one on-site visit: the organisation's rating of one reviewer of the team, or one reviewer's
/// rating of the organisation. Both reach only the office; the one rated never sees it. Locked once submitted.
/// </summary>
public sealed class MutualRating : Entity
{
    public Guid CycleId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public FeedbackDirection Direction { get; private set; }
    /// <summary>The reviewer (ReviewerProfile id) rated by the organisation, or rating it.</summary>
    public Guid ReviewerId { get; private set; }
    /// <summary>The user who submitted (an organisation user, or the reviewer's account).</summary>
    public string AuthorUserId { get; private set; } = "";
    public string QuestionSet { get; private set; } = FeedbackQuestions.SetVersion;
    public List<RatingAnswer> Answers { get; private set; } = [];
    public string Comments { get; private set; } = "";
    public RatingStatus Status { get; private set; }
    public DateOnly DueDate { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    /// <summary>Submitted after <see cref="DueDate"/> (China Standard Time): accepted, but marked for the office.</summary>
    public bool Late { get; private set; }
    public DateTimeOffset? ReopenedAt { get; private set; }
    public string? ReopenReason { get; private set; }

    private MutualRating() { }

    public MutualRating(Guid cycleId, Guid applicationId, FeedbackDirection direction, Guid reviewerId, string authorUserId, DateOnly dueDate,
        IReadOnlyDictionary<string, int> answers, string? comments, DateTimeOffset now, DateOnly today)
    {
        CycleId = cycleId;
        ApplicationId = applicationId;
        Direction = direction;
        ReviewerId = reviewerId;
        DueDate = dueDate;
        Set(authorUserId, answers, comments, now, today);
        RecordAction($"提交双向反馈（{FeedbackQuestions.Display(direction)}）");
    }

    // Under the cycle, not the application: the applicant reads its application's history, and the ratings are confidential.
    public override (string Type, Guid Id) AuditSubject => ("Cycle", CycleId);

    public bool Locked => Status == RatingStatus.Submitted;

    public int? Score(string code) => Answers.FirstOrDefault(a => a.Code == code)?.Score;

    /// <summary>The author changes and resubmits a rating the office reopened.</summary>
    public void Resubmit(string authorUserId, IReadOnlyDictionary<string, int> answers, string? comments, DateTimeOffset now, DateOnly today)
    {
        if (Locked) throw new DomainRuleException("该评价已提交并锁定，不能修改。如确需修改，请联系活动办公室重新开放。");
        Set(authorUserId, answers, comments, now, today);
        Status = RatingStatus.Submitted;
        RecordAction($"重新提交双向反馈（{FeedbackQuestions.Display(Direction)}）");
    }

    /// <summary>The office reopens a submitted rating for correction, with a reason (audited).</summary>
    public void Reopen(string reason, DateTimeOffset now)
    {
        if (!Locked) throw new DomainRuleException("该评价已处于重新开放状态，等待填写人重新提交。");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainRuleException("请填写重新开放的原因。");
        Status = RatingStatus.Reopened;
        ReopenedAt = now;
        ReopenReason = reason.Trim();
        RecordAction($"重新开放双向反馈（{FeedbackQuestions.Display(Direction)}）：{ReopenReason}");
    }

    private void Set(string authorUserId, IReadOnlyDictionary<string, int> answers, string? comments, DateTimeOffset now, DateOnly today)
    {
        var questions = FeedbackQuestions.For(Direction);
        var missing = questions.Where(q => !answers.ContainsKey(q.Code)).Select(q => q.Title).ToList();
        if (missing.Count > 0) throw new DomainRuleException($"请为每个问题选择评分，尚未评分：{string.Join("、", missing)}。");
        if (answers.Values.Any(s => s is < 1 or > 5)) throw new DomainRuleException("评分应为 1（很差）至 5（优秀）之间的整数。");
        var low = questions.Where(q => answers[q.Code] <= 2).Select(q => q.Title).ToList();
        if (low.Count > 0 && string.IsNullOrWhiteSpace(comments))
            throw new DomainRuleException($"“{string.Join("、", low)}”评为较差或很差时，请在意见和建议中说明具体情况。");
        AuthorUserId = authorUserId;
        Answers = questions.Select(q => new RatingAnswer { Code = q.Code, Score = answers[q.Code] }).ToList();
        Comments = (comments ?? "").Trim();
        SubmittedAt = now;
        Late = today > DueDate;
        QuestionSet = FeedbackQuestions.SetVersion;
    }
}
