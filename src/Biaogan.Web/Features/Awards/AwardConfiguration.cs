using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Awards;

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> b)
    {
        b.ToTable("Awards");
        b.HasIndex(a => a.CertificateNumber).IsUnique();
        b.HasIndex(a => a.ApplicationId).IsUnique();
        b.HasIndex(a => new { a.Year, a.Status });
        b.Property(a => a.CertificateNumber).HasMaxLength(40);
        b.Property(a => a.VerificationCode).HasMaxLength(20);
        b.Property(a => a.OrganizationName).HasMaxLength(200);
        b.Property(a => a.ServiceName).HasMaxLength(200);
        b.Property(a => a.RevocationReason).HasMaxLength(2000);
        b.Property(a => a.PlaqueNumber).HasMaxLength(60);
        b.Property(a => a.PlaqueRecipient).HasMaxLength(200);
        // The status history is read with the award and never queried on its own: a JSON column.
        b.OwnsMany(a => a.StatusChanges, c => c.ToJson());
    }
}

internal sealed class AwardSettingsConfiguration : IEntityTypeConfiguration<AwardSettings>
{
    public void Configure(EntityTypeBuilder<AwardSettings> b)
    {
        b.ToTable("AwardSettings");
        b.Property(s => s.ReportContact).HasMaxLength(1000);
    }
}
