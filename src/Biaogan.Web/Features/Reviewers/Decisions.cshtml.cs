using Biaogan.Web.Features.Accounts;
using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>
/// 聘用决定 (第十二条): the leading group sees the candidates with their 第十一条 summary, appoints with a term
/// or declines with a reason, and renews reviewers whose term is ending or has ended.
/// </summary>
[Authorize(Policy = Policies.ReviewerAppointment)]
public sealed class DecisionsModel(AppDbContext db, ReviewerWorkflow reviewers, CurrentActor actor, TimeProvider clock) : AppPageModel
{
    /// <summary>Terms ending within this many days are offered for renewal.</summary>
    public const int RenewalWindowDays = 90;

    public sealed class DecisionInput
    {
        public Guid Id { get; set; }
        public int Version { get; set; }
        [Display(Name = "聘用日期")] public DateOnly? AppointedOn { get; set; }
        [Display(Name = "任期届满日期")] public DateOnly? TermEndsOn { get; set; }
        [StringLength(1000, ErrorMessage = "说明不能超过1000个字。")] public string? Note { get; set; }
        [StringLength(1000, ErrorMessage = "理由不能超过1000个字。")] public string? Reason { get; set; }
    }

    public sealed record Row(ReviewerProfile Profile, EligibilityReport Eligibility, DateOnly DefaultStart, DateOnly DefaultEnd);

    [BindProperty] public DecisionInput Input { get; set; } = new();

    public IReadOnlyList<Row> Candidates { get; private set; } = [];
    public IReadOnlyList<Row> Renewals { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public ReviewerPoolSettings Settings { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAppointAsync(CancellationToken ct)
    {
        var (profile, settings) = await StartAsync(ct);
        if (Input.AppointedOn is not { } on || Input.TermEndsOn is not { } end)
            throw new DomainRuleException("请填写聘用日期和任期届满日期。");
        await reviewers.ChangeAsync(profile, Input.Version, p => p.Appoint(settings.For(clock.Today()), on, end, actor.Name, Input.Note, clock.GetUtcNow()), ct);
        Flash = $"已聘用 {profile.Name} 为评审员，任期 {ChinaTime.Format(on)} 至 {ChinaTime.Format(end)}。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken ct)
    {
        var (profile, _) = await StartAsync(ct);
        await reviewers.ChangeAsync(profile, Input.Version, p => p.Decline(Input.Reason ?? "", actor.Name, clock.GetUtcNow()), ct);
        Flash = $"已记录暂不聘用 {profile.Name} 的决定。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        var (profile, settings) = await StartAsync(ct);
        if (Input.AppointedOn is not { } on || Input.TermEndsOn is not { } end)
            throw new DomainRuleException("请填写续聘的起始日期和任期届满日期。");
        await reviewers.ChangeAsync(profile, Input.Version, p => p.Renew(settings.For(clock.Today()), on, end, actor.Name, Input.Note, clock.GetUtcNow()), ct);
        Flash = $"已续聘 {profile.Name}，新任期至 {ChinaTime.Format(end)}。";
        return RedirectToPage();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        db.ChangeTracker.Clear();
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task<(ReviewerProfile Profile, ReviewerPoolSettings Settings)> StartAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) throw new DomainRuleException(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        var profile = await ReviewerPool.FindAsync(db, Input.Id, ct)
            ?? throw new DomainRuleException("该人员的档案不存在，请刷新页面。");
        return (profile, await ReviewerPool.SettingsAsync(db, ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = clock.Today();
        Settings = await ReviewerPool.SettingsAsync(db, ct);
        var eligibility = Settings.For(Today);
        var horizon = Today.AddDays(RenewalWindowDays);
        var rows = await db.Set<ReviewerProfile>().AsNoTracking().AsSplitQuery()
            .Where(p => p.Status == ReviewerStatus.Candidate || (p.Status == ReviewerStatus.Appointed && p.TermEndsOn <= horizon))
            .ToListAsync(ct);
        Candidates = rows.Where(p => p.Status == ReviewerStatus.Candidate)
            .OrderByDescending(p => p.IsNominated).ThenBy(p => p.NominatedAt).ThenBy(p => p.Name)
            .Select(p => new Row(p, ReviewerEligibility.Evaluate(p, eligibility), Today, Settings.DefaultTermEnd(Today))).ToList();
        Renewals = rows.Where(p => p.Status == ReviewerStatus.Appointed).OrderBy(p => p.TermEndsOn).ThenBy(p => p.Name)
            .Select(p =>
            {
                var start = p.TermEndsOn!.Value < Today ? Today : p.TermEndsOn.Value.AddDays(1);
                return new Row(p, ReviewerEligibility.Evaluate(p, eligibility), start, Settings.DefaultTermEnd(start));
            }).ToList();
    }
}
