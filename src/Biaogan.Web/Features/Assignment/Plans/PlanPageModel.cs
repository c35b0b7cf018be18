using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Assignment.Plans;

/// <summary>What the plan preview and edit pages share: the plan, its input and its review.</summary>
public abstract class PlanPageModel(AssignmentPlans plans) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }

    public AssignmentPlan Plan { get; private set; } = null!;
    public AssignmentInput Input { get; private set; } = null!;
    public PlanReview Review { get; private set; } = null!;
    public IReadOnlyList<PlannedGroup> Groups { get; private set; } = [];

    protected AssignmentPlans Plans => plans;

    /// <summary>Loads the plan; false when there is none (the page answers 404).</summary>
    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        var plan = await plans.FindAsync(Id, ct);
        if (plan is null) return false;
        Plan = plan;
        Input = await plans.InputAsync(plan, ct);
        Review = PlanPreview.Review(Input, plan);
        Groups = plan.Groups();
        if (!HttpMethods.IsPost(Request.Method)) Version = plan.Version;
        return true;
    }

    public override async Task<IActionResult> RedisplayAsync() =>
        await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    /// <summary>The rules broken in one application's group.</summary>
    public IEnumerable<BrokenRule> RulesOf(Guid applicationId) => Review.Rules.Where(r => r.ApplicationId == applicationId);
}
