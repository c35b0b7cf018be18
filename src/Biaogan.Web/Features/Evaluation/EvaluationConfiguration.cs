using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Evaluation;

internal sealed class EvaluationDecisionConfiguration : IEntityTypeConfiguration<EvaluationDecision>
{
    public void Configure(EntityTypeBuilder<EvaluationDecision> b)
    {
        b.ToTable("EvaluationDecisions");
        b.HasIndex(d => new { d.CycleId, d.Category }).IsUnique();
        b.Property(d => d.FinalisedBy).HasMaxLength(450);
        b.Property(d => d.NoneReason).HasMaxLength(2000);
        b.OwnsMany(d => d.Entries, e => e.ToJson());
        b.Ignore(d => d.IsFinal);
        b.Ignore(d => d.RecommendedCount);
    }
}

internal sealed class EvaluationVoteConfiguration : IEntityTypeConfiguration<EvaluationVote>
{
    public void Configure(EntityTypeBuilder<EvaluationVote> b)
    {
        b.ToTable("EvaluationVotes");
        b.HasIndex(v => new { v.ApplicationId, v.MemberId }).IsUnique();
        b.HasIndex(v => v.CycleId);
        b.Property(v => v.MemberId).HasMaxLength(450);
        b.Property(v => v.Reason).HasMaxLength(2000);
    }
}
