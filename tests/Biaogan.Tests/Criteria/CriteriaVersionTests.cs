using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Infrastructure.Errors;

namespace Biaogan.Tests.Criteria;

/// <summary>The version's life: draft → published (immutable) ⇄ retired; keys by version number.</summary>
public class CriteriaVersionTests
{
    private static readonly DateTimeOffset Now = AppFactory.StartTime;

    [Fact]
    public void Version_1_is_pinned_by_the_bare_code_and_later_versions_by_their_number()
    {
        Assert.Equal("T/CAQ 10301-2016", CriteriaVersion.KeyFor("T/CAQ 10301-2016", 1));
        Assert.Equal("T/CAQ 10301-2016（第3版）", CriteriaVersion.KeyFor("T/CAQ 10301-2016", 3));
    }

    [Fact]
    public void A_published_version_refuses_every_edit_and_a_second_publish()
    {
        var v = CriteriaVersion.NewDraft(CriteriaBuilders.Small(), 1, null, Now, "导入");
        v.Publish(Now);
        var content = v.Content;
        var edit = Assert.Throws<DomainRuleException>(() => v.ReviseDraft(CriteriaBuilders.Small(v.Code) with { Title = "改" }, Now));
        Assert.Equal($"“{v.Key}”已发布，内容不能修改。请使用“复制为新草稿”，修改后发布为新版本。", edit.Message);
        Assert.Throws<DomainRuleException>(() => v.Publish(Now));
        Assert.Throws<DomainRuleException>(v.EnsureDeletable);
        Assert.Equal(content, v.Content);
    }

    [Fact]
    public void A_draft_that_does_not_add_up_cannot_be_published()
    {
        var v = CriteriaVersion.NewDraft(CriteriaBuilders.Small() with { TotalPoints = 90 }, 1, null, Now, "导入");
        var ex = Assert.Throws<DomainRuleException>(() => v.Publish(Now));
        Assert.Equal($"“{v.Key}”还有 1 个问题，不能发布：各类目分值合计 100 分，比总分 90 分多 10 分。请调整类目分值或总分。", ex.Message);
        Assert.Equal(CriteriaStatus.Draft, v.Status);
    }

    [Fact]
    public void Retiring_and_reinstating_follow_the_transition_table()
    {
        var v = CriteriaVersion.NewDraft(CriteriaBuilders.Small(), 1, null, Now, "导入");
        Assert.Throws<DomainRuleException>(() => v.Retire(Now));
        Assert.Throws<DomainRuleException>(() => v.Reinstate(Now));
        v.Publish(Now);
        v.Retire(Now);
        Assert.Equal((CriteriaStatus.Retired, Now), (v.Status, v.RetiredAt));
        Assert.Throws<DomainRuleException>(() => v.Retire(Now));
        v.Reinstate(Now);
        Assert.Equal((CriteriaStatus.Published, (DateTimeOffset?)null), (v.Status, v.RetiredAt));
    }

    [Fact]
    public void The_standard_code_of_a_draft_is_fixed()
    {
        var v = CriteriaVersion.NewDraft(CriteriaBuilders.Small(), 1, null, Now, "导入");
        var ex = Assert.Throws<DomainRuleException>(() => v.ReviseDraft(CriteriaBuilders.Small("其他编号"), Now));
        Assert.Contains("不能修改", ex.Message);
    }
}
