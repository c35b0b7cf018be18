using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Assignment;

internal sealed class AssignmentPlanConfiguration : IEntityTypeConfiguration<AssignmentPlan>
{
    public void Configure(EntityTypeBuilder<AssignmentPlan> b)
    {
        b.ToTable("AssignmentPlans");
        b.HasIndex(p => new { p.CycleId, p.Stage, p.Status });
        b.Property(p => p.BaselineFingerprint).HasMaxLength(64);
        b.Property(p => p.Summary).HasMaxLength(2000);
        b.Property(p => p.CreatedBy).HasMaxLength(100);
        b.Property(p => p.AppliedBy).HasMaxLength(100);
        b.Property(p => p.OverrideReason).HasMaxLength(1000);
    }
}

internal sealed class AssignmentJobConfiguration : IEntityTypeConfiguration<AssignmentJob>
{
    public void Configure(EntityTypeBuilder<AssignmentJob> b)
    {
        b.ToTable("AssignmentJobs");
        b.HasIndex(j => j.Status);
        b.HasIndex(j => new { j.CycleId, j.Stage });
        b.Property(j => j.Phase).HasMaxLength(40);
        b.Property(j => j.Message).HasMaxLength(2000);
        b.Property(j => j.RequestedBy).HasMaxLength(100);
        b.Property(j => j.ClaimedBy).HasMaxLength(200);
        b.Ignore(j => j.Gap);
        b.Ignore(j => j.IsDone);
    }
}

internal sealed class LeaderQualificationConfiguration : IEntityTypeConfiguration<LeaderQualification>
{
    public void Configure(EntityTypeBuilder<LeaderQualification> b)
    {
        b.ToTable("LeaderQualifications");
        b.HasIndex(q => q.ReviewerId).IsUnique();
        b.Property(q => q.Note).HasMaxLength(500);
        b.Property(q => q.RecordedBy).HasMaxLength(100);
    }
}
