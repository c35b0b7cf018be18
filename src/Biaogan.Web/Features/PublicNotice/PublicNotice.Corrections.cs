using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>A correction of a published notice (更正说明), shown on the public page with its date.</summary>
public sealed class NoticeCorrection
{
    public DateTimeOffset At { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Set once the corrected recommended list has been applied to the notice.</summary>
    public DateTimeOffset? AppliedAt { get; set; }
}

public sealed partial class PublicNotice
{
    public List<NoticeCorrection> Corrections { get; private set; } = [];

    /// <summary>A correction is announced and the list it came from may be reopened until it is applied.</summary>
    public bool CorrectionPending => Corrections.Any(c => c.AppliedAt is null);

    /// <summary>Records why the draft is withdrawn; the row is then removed (the audit keeps it).</summary>
    public void WithdrawDraft(string reason)
    {
        if (Status != NoticeStatus.Draft) throw new DomainRuleException("公示已发布，不能撤回，请发布更正说明。");
        RecordAction($"撤回公示草稿：{reason.Trim()}");
    }

    /// <summary>
    /// The office announces that the published list will change (the 综合评价 it came from is being reopened). The text is
    /// public at once; the list is updated by <see cref="ApplyCorrection"/> once the recommended list is final again.
    /// </summary>
    public void BeginCorrection(string text, DateTimeOffset now)
    {
        if (Status != NoticeStatus.Published) throw new DomainRuleException("公示尚未发布，草稿可直接撤回，无需更正说明。");
        if (CorrectionPending) throw new DomainRuleException("上一份更正说明尚未完成（推荐名单尚未重新确定并更新到公示）。");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("请填写更正说明（向社会说明更正的原因和内容）。");
        Corrections.Add(new NoticeCorrection { At = now, Text = text.Trim() });
        RecordAction($"发布公示更正说明：{text.Trim()}");
    }

    /// <summary>Brings the list in line with the re-finalised recommended list: organisations no longer on it are removed (the
    /// public page names them), new ones are added at the end.</summary>
    public (int Removed, int Added) ApplyCorrection(IReadOnlyList<NoticeEntry> fresh, DateTimeOffset now)
    {
        var correction = Corrections.FirstOrDefault(c => c.AppliedAt is null)
            ?? throw new DomainRuleException("没有待完成的更正说明。");
        var keep = fresh.Select(f => f.ApplicationId).ToHashSet();
        var removed = 0;
        foreach (var e in Entries.Where(e => !e.Removed && !keep.Contains(e.ApplicationId)))
        {
            e.Removed = true;
            e.RemovalReason = "更正：" + correction.Text;
            e.RemovedAt = now;
            removed++;
        }
        var order = Entries.Count == 0 ? 0 : Entries.Max(e => e.Order);
        var added = fresh.Where(f => Entries.All(e => e.ApplicationId != f.ApplicationId)).ToList();
        foreach (var f in added)
        {
            f.Order = ++order;
            Entries.Add(f);
        }
        correction.AppliedAt = now;
        RecordAction($"按更正后的推荐名单更新公示：撤销 {removed} 个，新增 {added.Count} 个");
        return (removed, added.Count);
    }

    /// <summary>
    /// 第二十九条: the organisation's qualification was withdrawn. A draft simply loses the entry; a published notice gets a
    /// correction (更正说明, public at once and already applied) and the entry is shown as removed with the reason.
    /// Returns false when the organisation is not (or no longer) on the notice.
    /// </summary>
    public bool WithdrawQualified(Guid applicationId, string publicText, DateTimeOffset now)
    {
        var e = Entries.FirstOrDefault(x => x.ApplicationId == applicationId && !x.Removed);
        if (e is null) return false;
        if (Status == NoticeStatus.Published)
        {
            var text = $"{e.OrganizationName}的申报及接受评审资格已被撤销，不再列入公示名单。{publicText}".Trim();
            Corrections.Add(new NoticeCorrection { At = now, Text = text, AppliedAt = now });
            RecordAction($"发布公示更正说明：{text}");
        }
        e.Removed = true;
        e.RemovalReason = "资格已撤销";
        e.RemovedAt = now;
        RecordAction($"撤销“{e.OrganizationName}”的推荐：申报及接受评审资格已撤销");
        return true;
    }
}
