using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Web.Features.Criteria;

public enum CriteriaStatus
{
    /// <summary>草稿 — editable, not selectable by a cycle.</summary>
    Draft,
    /// <summary>已发布 — immutable; a cycle may pin it.</summary>
    Published,
    /// <summary>已停用 — immutable; cycles that pinned it keep it, new cycles cannot choose it.</summary>
    Retired,
}

/// <summary>
/// 评价准则版本 (第十三条): one version of an evaluation standard — its categories, items, points and scoring
/// bands as a <see cref="CriteriaDocument"/>. Published versions never change: editing one makes a new draft
/// (<see cref="NewDraft"/> with <c>basedOn</c>), which gets the next version number of the same standard code.
/// A cycle pins a version by its <see cref="Key"/>.
/// </summary>
public sealed class CriteriaVersion : Entity
{
    public const int MaxKeyLength = 100;

    /// <summary>标准编号, e.g. T/CAQ 10301-2016. Fixed for the life of the version.</summary>
    public string Code { get; private set; } = "";
    /// <summary>1, 2, 3 … per standard code.</summary>
    public int VersionNo { get; private set; }
    /// <summary>What a cycle stores: the bare code for version 1 (“T/CAQ 10301-2016”), else “code（第N版）”.</summary>
    public string Key { get; private set; } = "";
    /// <summary>版本说明 (free text).</summary>
    public string Label { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int TotalPoints { get; private set; }
    public CriteriaStatus Status { get; private set; }
    /// <summary>The <see cref="CriteriaDocument"/> as <see cref="CriteriaJson"/>.</summary>
    public string Content { get; private set; } = "";
    /// <summary>The version this draft was copied from.</summary>
    public Guid? BasedOnId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }

    private CriteriaDocument? _document;

    private CriteriaVersion() { }

    public static string KeyFor(string code, int versionNo) => versionNo == 1 ? code : $"{code}（第{versionNo}版）";

    /// <summary>A new draft of <paramref name="doc"/>; <paramref name="versionNo"/> is the next free number of its code.</summary>
    public static CriteriaVersion NewDraft(CriteriaDocument doc, int versionNo, Guid? basedOn, DateTimeOffset now, string action)
    {
        doc = CriteriaNormalizer.Normalize(doc);
        if (string.IsNullOrWhiteSpace(doc.Code))
            throw new DomainRuleException("请填写标准编号（如 T/CAQ 10301-2016）。");
        if (doc.Code.Length > CriteriaValidation.MaxCodeLength)
            throw new DomainRuleException($"标准编号“{doc.Code}”超过 {CriteriaValidation.MaxCodeLength} 个字符，请缩短。");
        var version = new CriteriaVersion
        {
            Code = doc.Code, VersionNo = versionNo, Key = KeyFor(doc.Code, versionNo), BasedOnId = basedOn,
            Status = CriteriaStatus.Draft, CreatedAt = now,
        };
        version.SetContent(doc, now);
        version.RecordAction(action);
        return version;
    }

    /// <summary>The shipped template as published version 1 (seeded on first start).</summary>
    internal static CriteriaVersion Template(CriteriaDocument doc, DateTimeOffset now)
    {
        var version = NewDraft(doc, 1, null, now, "载入系统模板");
        version.Publish(now);
        return version;
    }

    public CriteriaDocument Document => _document ??= CriteriaJson.Read(Content);

    public bool IsDraft => Status == CriteriaStatus.Draft;

    public IReadOnlyList<string> Problems() => CriteriaValidation.Problems(Document);

    /// <summary>Saves an edit of the draft. Published and retired versions are immutable.</summary>
    public void ReviseDraft(CriteriaDocument doc, DateTimeOffset now)
    {
        EnsureDraft();
        doc = CriteriaNormalizer.Normalize(doc);
        if (doc.Code != Code)
            throw new DomainRuleException($"草稿的标准编号“{Code}”不能修改。如需另一个标准，请导入一个新的 JSON 或 Excel 文件。");
        SetContent(doc, now);
        RecordAction("修改草稿");
    }

    /// <summary>发布: the draft becomes immutable and selectable by cycles; it must validate.</summary>
    public void Publish(DateTimeOffset now)
    {
        if (Status != CriteriaStatus.Draft)
            throw new DomainRuleException($"“{Key}”{StatusDisplay(Status)}，不能再次发布。");
        var problems = Problems();
        if (problems.Count > 0)
            throw new DomainRuleException($"“{Key}”还有 {problems.Count} 个问题，不能发布：{string.Join(" ", problems)}");
        Status = CriteriaStatus.Published;
        PublishedAt = UpdatedAt = now;
        RecordAction("发布");
    }

    /// <summary>停用: new cycles can no longer choose it; cycles that pinned it keep it.</summary>
    public void Retire(DateTimeOffset now)
    {
        if (Status != CriteriaStatus.Published)
            throw new DomainRuleException(Status == CriteriaStatus.Draft ? "草稿尚未发布，无需停用；不需要时可以删除草稿。" : $"“{Key}”已停用。");
        Status = CriteriaStatus.Retired;
        RetiredAt = UpdatedAt = now;
        RecordAction("停用");
    }

    /// <summary>恢复使用 a retired version.</summary>
    public void Reinstate(DateTimeOffset now)
    {
        if (Status != CriteriaStatus.Retired)
            throw new DomainRuleException($"只有已停用的版本可以恢复使用，“{Key}”当前为{StatusDisplay(Status)}。");
        Status = CriteriaStatus.Published;
        RetiredAt = null;
        UpdatedAt = now;
        RecordAction("恢复使用");
    }

    /// <summary>Only a draft may be deleted; published versions stay for the cycles that pin them.</summary>
    public void EnsureDeletable()
    {
        if (Status != CriteriaStatus.Draft)
            throw new DomainRuleException($"“{Key}”{StatusDisplay(Status)}，年度活动可能正在使用，不能删除。不再使用时请停用。");
    }

    public void EnsureDraft()
    {
        if (Status != CriteriaStatus.Draft)
            throw new DomainRuleException($"“{Key}”{StatusDisplay(Status)}，内容不能修改。请使用“复制为新草稿”，修改后发布为新版本。");
    }

    private void SetContent(CriteriaDocument doc, DateTimeOffset now)
    {
        if (doc.Title.Length > CriteriaValidation.MaxTitleLength)
            throw new DomainRuleException($"标准名称不能超过 {CriteriaValidation.MaxTitleLength} 个字符，请缩短。");
        if (doc.Label.Length > CriteriaValidation.MaxTitleLength)
            throw new DomainRuleException($"版本说明不能超过 {CriteriaValidation.MaxTitleLength} 个字符，请缩短。");
        Label = doc.Label;
        Title = doc.Title;
        TotalPoints = doc.TotalPoints;
        Content = CriteriaJson.Write(doc);
        _document = null;
        UpdatedAt = now;
    }

    public static string StatusDisplay(CriteriaStatus s) => s switch
    {
        CriteriaStatus.Draft => "草稿",
        CriteriaStatus.Published => "已发布",
        _ => "已停用",
    };
}
