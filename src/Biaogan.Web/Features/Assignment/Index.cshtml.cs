using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>专家组分配 — the office's page per cycle and stage: state of the groups, runs, plans, manual start and upload.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class IndexModel(AppDbContext db, AssignmentInputs inputs, AssignmentJobs jobs, AssignmentPlans plans) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CycleId { get; set; }
    [BindProperty(SupportsGet = true)] public ReviewStage Stage { get; set; } = ReviewStage.Document;

    [BindProperty] public JobKind Kind { get; set; } = JobKind.Full;
    [BindProperty, Range(AssignmentJob.MinSeconds, AssignmentJob.MaxSeconds, ErrorMessage = "时间限制应在 1 至 3600 秒之间。")]
    public int TimeLimitSeconds { get; set; } = 60;
    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<Cycle> Cycles { get; private set; } = [];
    public AssignmentInput? Input { get; private set; }
    public IReadOnlyList<AssignmentPlan> Plans { get; private set; } = [];
    public IReadOnlyList<AssignmentJob> Jobs { get; private set; } = [];
    public IReadOnlyList<ExpertGroup> Groups { get; private set; } = [];
    public IReadOnlyList<string> UploadErrors { get; private set; } = [];

    public int GroupSize => Input?.Problem.GroupSize ?? 0;
    public int Complete => Input is null ? 0 : Input.Applications.Keys.Count(id => Active(id) >= GroupSize);
    public int Unassigned => Input is null ? 0 : Input.Applications.Keys.Count(id => Active(id) == 0);
    public int WithGaps => Input is null ? 0 : Input.Applications.Keys.Count(id => Active(id) is > 0 and var n && n < GroupSize);
    public IEnumerable<GroupMember> Declines => Groups.SelectMany(g => g.Members).Where(m => m.Status == MemberStatus.Declined).OrderByDescending(m => m.EndedAt);

    public int Active(Guid applicationId) => Groups.FirstOrDefault(g => g.ApplicationId == applicationId)?.ActiveMembers.Count() ?? 0;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        var cycle = await CycleAsync(ct);
        var job = await jobs.StartAsync(cycle.Id, Stage, Kind, TimeLimitSeconds, ct);
        return Redirect($"/Assignment/Jobs/{job.Id}");
    }

    public async Task<IActionResult> OnPostManualAsync(CancellationToken ct)
    {
        var cycle = await CycleAsync(ct);
        var plan = await plans.FromCurrentAsync(cycle.Id, Stage, ct);
        return Redirect($"/Assignment/Plans/{plan.Id}/Edit");
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var cycle = await CycleAsync(ct);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择要上传的 Excel 文件（.xlsx）。");
            return await RedisplayAsync();
        }
        var input = await inputs.LoadAsync(cycle.Id, Stage, null, ct);
        await using var stream = Upload.OpenReadStream();
        var (groups, errors) = PlanSpreadsheet.Read(stream, input);
        if (groups is null)
        {
            UploadErrors = errors;
            ModelState.AddModelError(nameof(Upload), $"文件中有 {errors.Count} 处问题，未生成方案，现有方案和专家组都没有改变。请修改后重新上传。");
            return await RedisplayAsync();
        }
        var plan = await plans.CreateAsync(input, PlanSource.Spreadsheet, groups, $"由上传的 Excel 文件“{Path.GetFileName(Upload.FileName)}”生成", ct: ct);
        return Redirect($"/Assignment/Plans/{plan.Id}");
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task<Cycle> CycleAsync(CancellationToken ct) =>
        await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == CycleId, ct)
            ?? throw new Infrastructure.Errors.DomainRuleException("请先选择年度活动。");

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await db.Set<Cycle>().AsNoTracking().OrderByDescending(c => c.Year).ToListAsync(ct);
        CycleId ??= Cycles.FirstOrDefault(c => c.Status == CycleStatus.Open)?.Id ?? Cycles.FirstOrDefault()?.Id;
        if (CycleId is not { } id) return;
        Input = await inputs.LoadAsync(id, Stage, null, ct);
        Groups = await db.Set<ExpertGroup>().AsNoTracking().Where(g => g.CycleId == id && g.Stage == Stage).ToListAsync(ct);
        Plans = await db.Set<AssignmentPlan>().AsNoTracking().Where(p => p.CycleId == id && p.Stage == Stage)
            .OrderByDescending(p => p.CreatedAt).Take(20).ToListAsync(ct);
        Jobs = await db.Set<AssignmentJob>().AsNoTracking().Where(j => j.CycleId == id && j.Stage == Stage)
            .OrderByDescending(j => j.RequestedAt).Take(10).ToListAsync(ct);
    }
}
