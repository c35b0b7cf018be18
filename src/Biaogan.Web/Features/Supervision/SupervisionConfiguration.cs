using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Supervision;

internal sealed class SupervisionCaseConfiguration : IEntityTypeConfiguration<SupervisionCase>
{
    public void Configure(EntityTypeBuilder<SupervisionCase> b)
    {
        b.ToTable("SupervisionCases");
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => c.AwardId);
        b.HasIndex(c => new { c.OrganizationId, c.Status });
        b.Property(c => c.Number).HasMaxLength(30);
        b.Property(c => c.OrganizationName).HasMaxLength(200);
        b.Property(c => c.CertificateNumber).HasMaxLength(40);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.ReplyRequest).HasMaxLength(SupervisionCase.TextLength);
        b.Property(c => c.Reply).HasMaxLength(SupervisionCase.TextLength);
        b.Property(c => c.DecisionReason).HasMaxLength(SupervisionCase.TextLength);
        b.Property(c => c.PublicReason).HasMaxLength(2000);
        // History and notes are read with the case only: JSON columns.
        b.OwnsMany(c => c.StatusChanges, s => s.ToJson());
        b.OwnsMany(c => c.Notes, s => s.ToJson());
    }
}

internal sealed class SupervisionVoteConfiguration : IEntityTypeConfiguration<SupervisionVote>
{
    public void Configure(EntityTypeBuilder<SupervisionVote> b)
    {
        b.ToTable("SupervisionVotes");
        // One vote per member and case; a second vote changes the first.
        b.HasIndex(v => new { v.CaseId, v.VoterUserId }).IsUnique();
        b.Property(v => v.VoterUserId).HasMaxLength(100);
        b.Property(v => v.VoterName).HasMaxLength(100);
        b.Property(v => v.Reason).HasMaxLength(2000);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.ToTable("Incidents");
        b.HasIndex(i => i.CaseId).IsUnique();
        b.HasIndex(i => i.OrganizationId);
        b.Property(i => i.OfficeAccount).HasMaxLength(Incident.TextLength);
        b.Property(i => i.WhatHappened).HasMaxLength(Incident.TextLength);
        b.Property(i => i.MeasuresTaken).HasMaxLength(Incident.TextLength);
        b.Property(i => i.ReportedBy).HasMaxLength(100);
    }
}
