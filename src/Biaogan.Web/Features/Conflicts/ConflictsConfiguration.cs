using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Conflicts;

internal sealed class ReviewerRelationConfiguration : IEntityTypeConfiguration<ReviewerRelation>
{
    public void Configure(EntityTypeBuilder<ReviewerRelation> b)
    {
        b.ToTable("ReviewerRelations");
        b.HasIndex(r => r.ReviewerId);
        b.Property(r => r.OrganizationName).HasMaxLength(200);
        b.Property(r => r.OrganizationUscc).HasMaxLength(18);
        b.Property(r => r.Description).HasMaxLength(500);
        b.Ignore(r => r.Years);
    }
}

internal sealed class ConflictRuleConfiguration : IEntityTypeConfiguration<ConflictRule>
{
    public void Configure(EntityTypeBuilder<ConflictRule> b)
    {
        b.ToTable("ConflictRules");
        b.HasIndex(r => new { r.CycleId, r.Kind }).IsUnique();
        b.Property(r => r.UpdatedBy).HasMaxLength(100);
    }
}

internal sealed class ConfidentialityTermsConfiguration : IEntityTypeConfiguration<ConfidentialityTerms>
{
    public void Configure(EntityTypeBuilder<ConfidentialityTerms> b)
    {
        b.ToTable("ConfidentialityTerms");
        b.HasIndex(t => t.VersionLabel).IsUnique();
        b.Property(t => t.VersionLabel).HasMaxLength(ConfidentialityTerms.MaxLabelLength);
        b.Property(t => t.Text).HasMaxLength(10000);
        b.Property(t => t.PublishedBy).HasMaxLength(100);
    }
}

internal sealed class AvoidRequestConfiguration : IEntityTypeConfiguration<AvoidRequest>
{
    public void Configure(EntityTypeBuilder<AvoidRequest> b)
    {
        b.ToTable("ConflictAvoidRequests");
        b.HasIndex(r => r.ApplicationId);
        b.HasIndex(r => r.CycleId);
        b.Property(r => r.PersonName).HasMaxLength(50);
        b.Property(r => r.Employer).HasMaxLength(200);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.RequestedBy).HasMaxLength(100);
        b.Ignore(r => r.Evidence);
    }
}

internal sealed class ConflictCaseConfiguration : IEntityTypeConfiguration<ConflictCase>
{
    public void Configure(EntityTypeBuilder<ConflictCase> b)
    {
        b.ToTable("ConflictCases");
        b.HasIndex(c => new { c.ReviewerId, c.ApplicationId });
        b.HasIndex(c => new { c.CycleId, c.Status });
        b.Property(c => c.Evidence).HasMaxLength(2000);
        b.Property(c => c.DecidedBy).HasMaxLength(100);
        b.Property(c => c.DecisionReason).HasMaxLength(2000);
        b.Ignore(c => c.Blocks);
    }
}
