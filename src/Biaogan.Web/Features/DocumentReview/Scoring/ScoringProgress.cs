using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>One seat of an expert group as the office overview shows it.</summary>
public sealed record SeatProgress(Guid MemberId, string ReviewerName, GroupRole Role, MemberStatus SeatStatus, ScoreSheet? Sheet, bool Overdue);

/// <summary>One application's 资料评审 progress: sheets submitted x/k, overdue sheets, the consensus.</summary>
public sealed record ApplicationProgress(Guid ApplicationId, string? Number, string ApplicantName, IReadOnlyList<SeatProgress> Seats,
    ConsensusSheet? Consensus)
{
    public int Active => Seats.Count(s => s.SeatStatus is MemberStatus.Assigned or MemberStatus.Declared);
    public int Submitted => Seats.Count(s => s.SeatStatus is MemberStatus.Assigned or MemberStatus.Declared && s.Sheet?.Status == SheetStatus.Submitted);
    public int Overdue => Seats.Count(s => s.Overdue);

    public string ConsensusText => Consensus switch
    {
        null => Submitted == Active && Active > 0 ? "待组长开始" : "未开始",
        { Status: ConsensusStatus.Agreed } => "已确认",
        _ => "讨论中",
    };
}

/// <summary>The office's view of 资料评审 scoring per cycle (page /DocumentReview and GET /api/document-review/cycles/{id}/progress).</summary>
public static class ScoringProgress
{
    public static async Task<IReadOnlyList<ApplicationProgress>> ForCycleAsync(AppDbContext db, Guid cycleId, DateOnly today, CancellationToken ct = default)
    {
        var groups = await db.Set<ExpertGroup>().AsNoTracking().Include(g => g.Members)
            .Where(g => g.CycleId == cycleId && g.Stage == ReviewStage.Document).ToListAsync(ct);
        var appIds = groups.Select(g => g.ApplicationId).ToList();
        var apps = await (from a in db.Set<Application>()
                          join o in db.Set<Organization>() on a.OrganizationId equals o.Id
                          where appIds.Contains(a.Id)
                          select new { a.Id, a.Number, o.Name }).ToDictionaryAsync(x => x.Id, ct);
        var sheets = await db.Set<ScoreSheet>().AsNoTracking().Where(s => s.CycleId == cycleId).ToDictionaryAsync(s => s.MemberId, ct);
        var consensus = await db.Set<ConsensusSheet>().AsNoTracking().Where(s => s.CycleId == cycleId).ToDictionaryAsync(s => s.GroupId, ct);
        var reviewerIds = groups.SelectMany(g => g.Members).Select(m => m.ReviewerId).Distinct().ToList();
        var names = await db.Set<ReviewerProfile>().AsNoTracking().Where(p => reviewerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return groups.Where(g => apps.ContainsKey(g.ApplicationId)).Select(g =>
        {
            var seats = g.Members.OrderBy(m => m.IsActive ? 0 : 1).ThenBy(m => m.Role == GroupRole.Leader ? 0 : 1)
                .Select(m =>
                {
                    var sheet = sheets.GetValueOrDefault(m.Id);
                    var overdue = m.Status == MemberStatus.Declared && sheet is { Status: SheetStatus.Draft } && sheet.DueOn < today;
                    return new SeatProgress(m.Id, names.GetValueOrDefault(m.ReviewerId) ?? "评审员", m.Role, m.Status, sheet, overdue);
                }).ToList();
            var app = apps[g.ApplicationId];
            return new ApplicationProgress(g.ApplicationId, app.Number, app.Name, seats, consensus.GetValueOrDefault(g.Id));
        }).OrderBy(p => p.Number ?? "").ToList();
    }

    public static string SheetText(ScoreSheet? sheet) => sheet switch
    {
        null => "未开始",
        { Status: SheetStatus.Submitted } s => $"已提交（{ChinaTime.Format(s.SubmittedAt!.Value)}）",
        _ => "评分中",
    };
}
