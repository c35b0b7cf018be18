using System.Security.Claims;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Commitments;

/// <summary>
/// 第二十三条, the organisation's side: it records its new quality goals after the award and files one progress report a year.
/// Only a winner's own users, on its own awards (others: null → 404); a revoked award owes nothing more.
/// </summary>
public sealed class CommitmentWorkflow(AppDbContext db, TimeProvider clock, CurrentActor actor, CommitmentRecords records,
    ProgressReminders reminders)
{
    /// <summary>Records or revises the goals of one of the organisation's awards.</summary>
    public async Task<QualityGoals?> RecordGoalsAsync(ClaimsPrincipal user, Guid awardId, int? version, string? goals, CancellationToken ct)
    {
        var award = await OwnAsync(user, awardId, ct);
        if (award is null) return null;
        var existing = await db.Set<QualityGoals>().FirstOrDefaultAsync(g => g.AwardId == awardId, ct);
        if (existing is null)
        {
            existing = new QualityGoals(award.Id, award.OrganizationId, goals, actor.Name, clock.GetUtcNow());
            db.Add(existing);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await db.SaveWithVersionAsync(existing, version, g => g.Revise(goals, actor.Name, clock.GetUtcNow()), ct);
        }
        // The reminders of the reports this award owes exist from now on (the daily planning would add them too).
        await reminders.PlanAsync(award, ct);
        return existing;
    }

    /// <summary>Files the report on <paramref name="year"/>; its lateness is kept with it.</summary>
    public async Task<ProgressReport?> FileReportAsync(ClaimsPrincipal user, Guid awardId, int year, string? goalProgress, string? satisfaction,
        string? practices, CancellationToken ct)
    {
        var award = await OwnAsync(user, awardId, ct);
        if (award is null) return null;
        var schedule = records.Schedule;
        if (!schedule.Owes(award.Year, year))
        {
            var years = schedule.YearsOf(award.Year);
            throw new DomainRuleException($"该称号需要提交 {years[0]}—{years[^1]} 年度的进展报告，请选择其中一个年度。");
        }
        if (year > clock.Today().Year) throw new DomainRuleException($"{year}年度尚未开始，请在该年度开始后再提交进展报告。");
        if (await db.Set<ProgressReport>().AnyAsync(r => r.AwardId == awardId && r.Year == year, ct))
            throw new DomainRuleException($"{year}年度进展报告已经提交。如需补充，请联系活动办公室。");
        var report = new ProgressReport(award.Id, award.OrganizationId, year, schedule.DueOn(year), goalProgress, satisfaction, practices,
            actor.Name, clock.GetUtcNow());
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return report;
    }

    private async Task<Award?> OwnAsync(ClaimsPrincipal user, Guid awardId, CancellationToken ct)
    {
        var org = user.IsInRole(Roles.Applicant) ? user.OrganizationId() : null;
        var award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == awardId, ct);
        if (org is null || award is null || award.OrganizationId != org) return null;
        if (award.Status == AwardStatus.Revoked)
            throw new DomainRuleException($"该称号已于 {ChinaTime.Format(award.RevokedAt ?? clock.GetUtcNow())} 撤销，无需再登记目标或提交进展报告。");
        return award;
    }
}
