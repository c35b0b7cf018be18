using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Reviewers;

internal sealed class ReviewerProfileConfiguration : IEntityTypeConfiguration<ReviewerProfile>
{
    public void Configure(EntityTypeBuilder<ReviewerProfile> b)
    {
        b.ToTable("ReviewerProfiles");
        b.HasIndex(p => p.Email).IsUnique();
        b.HasIndex(p => p.UserId).IsUnique();
        b.HasIndex(p => p.Status);
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.Email).HasMaxLength(256);
        b.Property(p => p.Phone).HasMaxLength(50);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.Institution).HasMaxLength(100);
        b.Property(p => p.Major).HasMaxLength(100);
        b.Property(p => p.ProvinceCode).HasMaxLength(2);
        b.PrimitiveCollection(p => p.Industries);
        b.Property(p => p.NominatedBy).HasMaxLength(100);
        b.Property(p => p.NominationNote).HasMaxLength(1000);
        b.Property(p => p.DeclinedBy).HasMaxLength(100);
        b.Property(p => p.DeclineReason).HasMaxLength(1000);
        b.Property(p => p.AppointedBy).HasMaxLength(100);
        b.Property(p => p.AppointmentNote).HasMaxLength(1000);
        b.Property(p => p.SuspensionReason).HasMaxLength(1000);
        b.ComplexProperty(p => p.Conduct, j => Judgement(j));
        b.ComplexProperty(p => p.Ability, j => Judgement(j));
        b.HasMany(p => p.Trainings).WithOne().HasForeignKey(t => t.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.WorkPeriods).WithOne().HasForeignKey(w => w.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Sanctions).WithOne().HasForeignKey(s => s.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Trainings).AutoInclude();
        b.Navigation(p => p.WorkPeriods).AutoInclude();
        b.Navigation(p => p.Sanctions).AutoInclude();
    }

    private static void Judgement(ComplexPropertyBuilder<OfficeJudgement> j)
    {
        j.Property(x => x.Note).HasMaxLength(1000);
        j.Property(x => x.JudgedBy).HasMaxLength(100);
        j.Ignore(x => x.IsRecorded);
    }
}

internal sealed class ReviewerTrainingConfiguration : IEntityTypeConfiguration<ReviewerTraining>
{
    public void Configure(EntityTypeBuilder<ReviewerTraining> b)
    {
        b.ToTable("ReviewerTrainings");
        b.Property(t => t.Provider).HasMaxLength(200);
        b.Property(t => t.CertificateNumber).HasMaxLength(100);
    }
}

internal sealed class ReviewerWorkPeriodConfiguration : IEntityTypeConfiguration<ReviewerWorkPeriod>
{
    public void Configure(EntityTypeBuilder<ReviewerWorkPeriod> b)
    {
        b.ToTable("ReviewerWorkPeriods");
        b.HasIndex(w => w.EmployerUscc);
        b.Property(w => w.EmployerName).HasMaxLength(200);
        b.Property(w => w.EmployerUscc).HasMaxLength(18);
        b.Property(w => w.Title).HasMaxLength(100);
        b.Ignore(w => w.Years);
    }
}

internal sealed class ReviewerSanctionConfiguration : IEntityTypeConfiguration<ReviewerSanction>
{
    public void Configure(EntityTypeBuilder<ReviewerSanction> b)
    {
        b.ToTable("ReviewerSanctions");
        b.Property(s => s.Reason).HasMaxLength(2000);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
    }
}

internal sealed class ReviewerPoolSettingsConfiguration : IEntityTypeConfiguration<ReviewerPoolSettings>
{
    public void Configure(EntityTypeBuilder<ReviewerPoolSettings> b) => b.ToTable("ReviewerPoolSettings");
}
