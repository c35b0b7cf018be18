using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Notifications;

namespace Biaogan.Web.Features.DocumentReview.Shortlist;

/// <summary>
/// 入围评议's outcome told to every organisation of the category when the list is final: 入围 or 未入围 (the feedback
/// report follows with its own notice when the office releases it). Finalising again after a reopen tells only those
/// whose result changed (docs/decisions/0032).
/// </summary>
public sealed class ShortlistNotices(OutcomeNotices outcomes)
{
    public async Task FinalisedAsync(ShortlistDecision decision, CancellationToken ct)
    {
        foreach (var entry in decision.Entries)
        {
            if (entry.Selected)
                await outcomes.ToOrganizationAsync(entry.ApplicationId, "入围现场评审", DefaultTemplates.Shortlisted, null, ct);
            else
                await outcomes.ToOrganizationAsync(entry.ApplicationId, "未入围现场评审", DefaultTemplates.NotShortlisted, null, ct);
        }
    }
}
