using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Notifications;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>
/// 公示's outcomes told to the organisations concerned (docs/decisions/0032): each listed organisation when the notice is
/// published (with the 公示期 and the objection deadline), and the organisation an objection concerned when it is concluded.
/// </summary>
public sealed class NoticeOutcomeNotices(OutcomeNotices outcomes)
{
    public async Task PublishedAsync(PublicNotice notice, CancellationToken ct)
    {
        var period = notice is { StartDate: { } s, EndDate: { } e } ? $"{s:yyyy年M月d日}至{e:yyyy年M月d日}" : "见公示页面";
        foreach (var entry in notice.Listed)
            await outcomes.ToOrganizationAsync(entry.ApplicationId, $"列入公示:{notice.Id}", DefaultTemplates.InPublicNotice,
                new Dictionary<string, string> { ["组织名称"] = entry.OrganizationName, ["公示期"] = period, ["截止时间"] = notice.DeadlineText },
                ct, path: $"/Public/Notice/{notice.Id}");
    }

    /// <summary>The link is the reply page when the organisation was asked to reply, else its application (the reply page would be 404).</summary>
    public Task ConcludedAsync(Objection objection, CancellationToken ct)
    {
        var sustained = objection.Conclusion == ObjectionConclusion.Sustained;
        return outcomes.ToOrganizationAsync(objection.ApplicationId, $"异议办结:{objection.Id}", DefaultTemplates.ObjectionConcluded,
            new Dictionary<string, string>
            {
                ["组织名称"] = objection.OrganizationName, ["受理编号"] = objection.ReceiptNumber,
                ["结论"] = sustained ? "异议成立" : "异议不成立",
                ["后续安排"] = sustained
                    ? "按照《实施细则》第二十一条，贵组织已从公示名单中撤销推荐，不再提交审定。如有疑问，请联系活动办公室。"
                    : "贵组织仍在推荐名单中，公示期满后将提交审定委员会审定。",
            }, ct, path: objection.ReplyRequestedAt is null ? null : $"/PublicNotice/Reply/{objection.Id}");
    }
}
