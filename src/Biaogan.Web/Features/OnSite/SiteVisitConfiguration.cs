using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.OnSite;

internal sealed class SiteVisitConfiguration : IEntityTypeConfiguration<SiteVisit>
{
    public void Configure(EntityTypeBuilder<SiteVisit> b)
    {
        b.ToTable("SiteVisits");
        b.HasIndex(v => v.ApplicationId).IsUnique();
        b.HasIndex(v => v.CycleId);
        b.Property(v => v.Opinion).HasMaxLength(8000);
        b.Property(v => v.Problems).HasMaxLength(8000);
        b.Property(v => v.LeaderApprovedBy).HasMaxLength(450);
        b.Property(v => v.OfficeApprovedBy).HasMaxLength(450);
        b.Property(v => v.DocumentScore).HasPrecision(8, 2);
        b.Property(v => v.OnSiteScore).HasPrecision(8, 2);
        b.OwnsMany(v => v.Items, i => i.ToJson());
        b.Ignore(v => v.ResultFinal);
        b.Ignore(v => v.ProblemList);
        b.Property(v => v.ScheduleProposedBy).HasMaxLength(200);
        b.Property(v => v.ScheduleComment).HasMaxLength(2000);
        b.PrimitiveCollection(v => v.Sites);
        b.OwnsMany(v => v.Agenda, a => a.ToJson());
        b.OwnsMany(v => v.Issues, i =>
        {
            i.ToJson();
            i.Ignore(x => x.IsOpen);
        });
    }
}

/// <summary>An approved on-site result as 综合评价 reads it (points on the criteria scale).</summary>
public sealed record OnSiteResult(Guid ApplicationId, decimal DocumentScore, decimal OnSiteScore, DateTimeOffset ApprovedAt);

/// <summary>The questions later stages ask about 现场评审.</summary>
public static class OnSiteResults
{
    /// <summary>The cycle's on-site results the office has approved, by application.</summary>
    public static async Task<IReadOnlyDictionary<Guid, OnSiteResult>> ApprovedAsync(Infrastructure.Data.AppDbContext db, Guid cycleId,
        CancellationToken ct = default)
    {
        var visits = await db.Set<SiteVisit>().AsNoTracking()
            .Where(v => v.CycleId == cycleId && (v.Status == SiteVisitStatus.OfficeApproved || v.Status == SiteVisitStatus.Released))
            .ToListAsync(ct);
        return visits.Where(v => v.DocumentScore is not null && v.OnSiteScore is not null)
            .ToDictionary(v => v.ApplicationId, v => new OnSiteResult(v.ApplicationId, v.DocumentScore!.Value, v.OnSiteScore!.Value, v.OfficeApprovedAt!.Value));
    }
}
