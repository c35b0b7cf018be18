using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Applications.Edit;

/// <summary>推荐单位 (第十五条): 所属行业或所在地区质协、质量主管部门或质量推进组织, approved by the office.</summary>
public sealed class RecommenderModel(ApplicationFormServices services) : ApplicationFormPage(services)
{
    [BindProperty] public Guid? RecommendingBodyId { get; set; }

    public IReadOnlyList<RecommendingBodyChoices.Group> Groups { get; private set; } = [];

    public override string Tab => "recommender";

    protected override void Fill() => RecommendingBodyId = Application.RecommendingBodyId;

    protected override Task LoadLookupsAsync() => LoadGroupsAsync();

    private async Task LoadGroupsAsync() => Groups = await RecommendingBodyChoices.LoadAsync(Db, Organization);

    protected override async Task ApplyAsync()
    {
        if (RecommendingBodyId is not { } id || id == Application.RecommendingBodyId) return;
        var approved = await Db.Set<RecommendingBody>().AnyAsync(b => b.Id == id && b.Status == RecommendingBodyStatus.Approved);
        if (!approved)
            throw new DomainRuleException("所选推荐单位不存在或尚未通过活动办公室审核，请重新选择。");
        Application.ChooseRecommendingBody(id, Now);
    }
}
