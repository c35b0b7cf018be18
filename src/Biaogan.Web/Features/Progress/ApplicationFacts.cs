using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.DocumentReview.Feedback;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Features.PublicNotice;

namespace Biaogan.Web.Features.Progress;

/// <summary>The facts of every stage about one application, picked out of a <see cref="ProgressFacts"/> batch.</summary>
internal sealed record ApplicationFacts(
    DateTimeOffset? DocumentGroupFormedAt,
    ConsensusSheet? Consensus,
    ShortlistDecision? Shortlist,
    bool? Selected,
    FeedbackReport? Feedback,
    SiteVisit? Visit,
    EvaluationDecision? Evaluation,
    bool? Recommended,
    PublicNotice.PublicNotice? Notice,
    NoticeEntry? NoticeEntry,
    ApprovalRound? Approval,
    ApprovalItem? ApprovalItem,
    Award? Award)
{
    public static ApplicationFacts Of(Application a, ProgressFacts f)
    {
        var documentGroups = f.Groups[a.Id].Where(g => g.Stage == ReviewStage.Document).ToList();
        // Only a finalised list is an outcome; a list under deliberation says nothing to the applicant yet.
        var shortlist = f.Shortlists.FirstOrDefault(d => d.CycleId == a.CycleId && d.IsFinal && d.Entries.Any(e => e.ApplicationId == a.Id));
        var evaluation = f.Evaluations.FirstOrDefault(d => d.CycleId == a.CycleId && d.IsFinal && d.Entries.Any(e => e.ApplicationId == a.Id))
            ?? f.Evaluations.FirstOrDefault(d => d.CycleId == a.CycleId && d.IsFinal && d.Category == a.Category);
        var notice = f.Notices.FirstOrDefault(n => n.CycleId == a.CycleId && n.Status == NoticeStatus.Published && n.Entries.Any(e => e.ApplicationId == a.Id));
        var approval = f.Approvals.FirstOrDefault(r => r.CycleId == a.CycleId && r.Items.Any(i => i.ApplicationId == a.Id));
        return new ApplicationFacts(
            documentGroups.Count == 0 ? null : documentGroups.Min(g => g.FormedAt),
            f.Consensus.GetValueOrDefault(a.Id),
            shortlist,
            shortlist?.Entries.First(e => e.ApplicationId == a.Id).Selected,
            f.Feedback.GetValueOrDefault(a.Id) is { IsReleased: true } report ? report : null,
            f.Visits.GetValueOrDefault(a.Id),
            evaluation,
            evaluation is null ? null : evaluation.Entries.Any(e => e.ApplicationId == a.Id && e.Recommended),
            notice,
            notice?.Entries.First(e => e.ApplicationId == a.Id),
            approval,
            approval?.Items.First(i => i.ApplicationId == a.Id),
            f.Awards.GetValueOrDefault(a.Id));
    }
}
