using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Mail;

namespace Biaogan.Web.Features.OnSite;

/// <summary>
/// The notices of 现场评审's outcomes (docs/decisions/0032): the agreed schedule, with an .ics calendar file of the
/// visit days, to the organisation, the team and the office; and, once the office approves the result, the review
/// committee's 综合评价 vote that now waits. Each goes out once per occasion (a schedule agreed again on the same
/// dates is not sent twice).
/// </summary>
public sealed class VisitNotices(NoticeLedger ledger, CommitteeNotices committee, AppDbContext db, TimeProvider clock)
{
    /// <summary>Visit days are planned as working days from 09:00 to 17:00 China time; the agenda on the page gives the detail.</summary>
    private static readonly TimeOnly DayStart = new(9, 0), DayEnd = new(17, 0);

    public async Task ScheduleAgreedAsync(SiteVisitView view, IReadOnlyDictionary<string, string> values, IEnumerable<AppUser> staff,
        IEnumerable<AppUser> organisation, CancellationToken ct)
    {
        var ics = Calendar(view);
        var dates = $"{view.Visit.StartDate:yyyyMMdd}-{view.Visit.EndDate:yyyyMMdd}";
        await ledger.NotifyOnceAsync($"现场评审日程:{view.Visit.Id}:{dates}:专家组", DefaultTemplates.OnSiteScheduleAgreed, staff.ToList(), values,
            SiteVisitWorkflow.VisitPath(view.Visit.ApplicationId), ct, ics);
        await ledger.NotifyOnceAsync($"现场评审日程:{view.Visit.Id}:{dates}:申报组织", DefaultTemplates.OnSiteScheduleAgreed, organisation.ToList(), values,
            SiteVisitWorkflow.SchedulePath(view.Visit.ApplicationId), ct, ics);
    }

    /// <summary>The approved result enters 综合评价: the review committee is told its vote waits.</summary>
    public async Task ApprovedByOfficeAsync(SiteVisitView view, CancellationToken ct) =>
        await committee.VoteWaitsAsync(await Governance.CommitteeVoters.VotersAsync(db, view.Visit.CycleId, Governance.CommitteeKind.Review, ct),
            $"综合评价待投票:{view.Visit.ApplicationId}", DefaultTemplates.EvaluationVoteWaiting,
            new Dictionary<string, string>
            {
                ["组织名称"] = view.Organization, ["申报编号"] = view.Number ?? "", ["类别"] = view.Category,
                ["年度"] = view.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, "/Evaluation", null, ct);

    /// <summary>One event per visit day, each with its own stable UID so a re-sent file updates rather than duplicates.</summary>
    public MailAttachment? Calendar(SiteVisitView view)
    {
        if (view.Visit.StartDate is not { } start) return null;
        var end = view.Visit.EndDate is { } e && e >= start ? e : start;
        var where = string.Join("；", view.Visit.Sites);
        var events = new List<IcsEvent>();
        for (var day = start; day <= end; day = day.AddDays(1))
            events.Add(new IcsEvent($"{view.Visit.Id:N}-{day:yyyyMMdd}@biaogan", day, DayStart, DayEnd,
                $"全国用户满意标杆现场评审：{view.Organization}", where,
                $"{view.Organization}（{view.Number}）现场评审，详细日程请登录系统查看。"));
        return IcsCalendar.Attachment("现场评审日程.ics", events, clock.GetUtcNow());
    }
}
