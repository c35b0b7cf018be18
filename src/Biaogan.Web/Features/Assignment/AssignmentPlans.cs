using Biaogan.Web.Features.Assignment.Solver;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>
/// The one plan → preview → apply engine: plans from the solver, manual edits and spreadsheets are made here, checked
/// by <see cref="PlanPreview"/> and applied by <see cref="PlanApplier"/>.
/// </summary>
public sealed class AssignmentPlans(AppDbContext db, AssignmentInputs inputs, PlanApplier applier, CurrentActor actor, TimeProvider clock)
{
    public Task<AssignmentPlan?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Set<AssignmentPlan>().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The input a plan is checked against: the stage's candidates (qualified applications, or the shortlist on site).</summary>
    public Task<AssignmentInput> InputAsync(AssignmentPlan plan, CancellationToken ct = default) =>
        inputs.LoadAsync(plan.CycleId, plan.Stage, null, ct);

    /// <summary>Saves a new draft plan, its objective computed by the checker against <paramref name="input"/>.</summary>
    public async Task<AssignmentPlan> CreateAsync(AssignmentInput input, PlanSource source, IEnumerable<PlannedGroup> groups, string summary,
        Guid? basedOn = null, (long? FlowBound, double? Gap)? figures = null, string? createdBy = null, CancellationToken ct = default)
    {
        var plan = new AssignmentPlan(input.Cycle.Id, input.Stage, source, groups, input.Fingerprint, summary,
            createdBy ?? actor.Name, clock.GetUtcNow(), basedOn);
        var check = AssignmentChecker.Check(input.Problem, plan.ToSolution());
        plan.RecordFigures(check.Objective, figures?.FlowBound, figures?.Gap);
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>A draft plan that starts from the groups in force (to edit by hand or fill in a spreadsheet).</summary>
    public async Task<AssignmentPlan> FromCurrentAsync(Guid cycleId, ReviewStage stage, CancellationToken ct = default)
    {
        var input = await inputs.LoadAsync(cycleId, stage, null, ct);
        return await CreateAsync(input, PlanSource.Manual, ToPlanned(input.Current), "以当前专家组为起点的手工调整方案", ct: ct);
    }

    /// <summary>One manual edit: a new draft plan from <paramref name="planId"/>, which is superseded by it.</summary>
    public async Task<AssignmentPlan> EditAsync(Guid planId, int version, PlanEdit edit, CancellationToken ct = default)
    {
        var plan = await FindAsync(planId, ct) ?? throw new DomainRuleException("找不到该分配方案，请从分配页面重新进入。");
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        plan.EnsureDraft("调整");
        var input = await InputAsync(plan, ct);
        var groups = PlanEdits.Apply(plan.Groups(), edit, input);
        plan.Supersede();
        // Edits keep the baseline of the plan they start from: a plan made against groups since changed stays stale.
        var next = new AssignmentPlan(plan.CycleId, plan.Stage, PlanSource.Manual, groups, plan.BaselineFingerprint,
            PlanEdits.Describe(edit, input), actor.Name, clock.GetUtcNow(), plan.Id);
        next.RecordFigures(AssignmentChecker.Check(input.Problem, next.ToSolution()).Objective, null, null);
        db.Add(next);
        await db.SaveChangesAsync(ct);
        return next;
    }

    public async Task DiscardAsync(Guid planId, int version, CancellationToken ct = default)
    {
        var plan = await FindAsync(planId, ct) ?? throw new DomainRuleException("找不到该分配方案。");
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        plan.Discard();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Applies a draft plan after checking it is current and breaks no rule it may not (see <see cref="RuleWeight"/>).</summary>
    public async Task<PlanReview> ApplyAsync(Guid planId, int version, string? reason, CancellationToken ct = default)
    {
        var plan = await FindAsync(planId, ct) ?? throw new DomainRuleException("找不到该分配方案。");
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        plan.EnsureDraft("执行");
        var input = await InputAsync(plan, ct);
        var review = PlanPreview.Review(input, plan);
        if (review.Stale)
            throw new DomainRuleException("生成该方案后专家组已发生变化（有评审员谢绝、被撤出或执行了其他方案），不能再执行。请重新求解或从当前专家组重新调整。");
        if (review.HasForbidden)
            throw new DomainRuleException("方案违反了不得违反的规则（" + string.Join("；", review.Rules.Where(r => r.Weight == RuleWeight.Forbidden).Select(r => r.Description)) + "），请先调整方案。");
        if (!plan.LeadingGroupAllows(input.Cycle.ExpertGroupsDelegated))
            throw new DomainRuleException("该分配方案尚未经领导小组批准（第七条：专家组的组成由领导小组审定），不能执行。" +
                "请在方案页面点击“报领导小组审批”，批准后再执行；如领导小组已授权活动办公室决定专家组，授权记录会显示在年度活动页面。");
        if (review.NeedsReason && string.IsNullOrWhiteSpace(reason))
            throw new DomainRuleException("方案超出负荷上限、同单位回避或组长资格的要求，如确需执行，请填写执行理由（将记入审计记录）。");
        await applier.ApplyAsync(input, plan, review, review.NeedsReason ? reason : null, actor.Name, ct);
        return review;
    }

    public static IEnumerable<PlannedGroup> ToPlanned(AssignmentSolution solution) =>
        solution.Groups.Select(g => new PlannedGroup(g.ApplicationId, [.. g.ReviewerIds], g.LeaderId));
}
