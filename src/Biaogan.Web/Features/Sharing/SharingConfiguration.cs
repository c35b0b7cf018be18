using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Sharing;

internal sealed class SharingEventConfiguration : IEntityTypeConfiguration<SharingEvent>
{
    public void Configure(EntityTypeBuilder<SharingEvent> b)
    {
        b.ToTable("SharingEvents");
        b.HasIndex(e => e.StartsOn);
        b.Property(e => e.Title).HasMaxLength(SharingEvent.TitleLength);
        b.Property(e => e.Topic).HasMaxLength(SharingEvent.TitleLength);
        b.Property(e => e.Place).HasMaxLength(SharingEvent.PlaceLength);
        b.Property(e => e.Description).HasMaxLength(SharingEvent.TextLength);
        b.Property(e => e.CancellationReason).HasMaxLength(500);
        b.Property(e => e.CreatedBy).HasMaxLength(100);
    }
}

internal sealed class SharingInvitationConfiguration : IEntityTypeConfiguration<SharingInvitation>
{
    public void Configure(EntityTypeBuilder<SharingInvitation> b)
    {
        b.ToTable("SharingInvitations");
        // One invitation per event and benchmark: inviting twice (two tabs, a retry) adds nothing.
        b.HasIndex(i => new { i.EventId, i.AwardId }).IsUnique();
        b.HasIndex(i => i.AwardId);
        b.HasIndex(i => i.OrganizationId);
        b.Property(i => i.OrganizationName).HasMaxLength(200);
        b.Property(i => i.CertificateNumber).HasMaxLength(40);
        b.Property(i => i.Attendees).HasMaxLength(SharingInvitation.AttendeesLength);
        b.Property(i => i.TalkTitle).HasMaxLength(SharingInvitation.TalkLength);
        b.Property(i => i.AnswerNote).HasMaxLength(SharingInvitation.NoteLength);
        b.Property(i => i.AnsweredBy).HasMaxLength(100);
        b.Property(i => i.AttendanceRecordedBy).HasMaxLength(100);
    }
}

internal sealed class BenchmarkPracticeConfiguration : IEntityTypeConfiguration<BenchmarkPractice>
{
    public void Configure(EntityTypeBuilder<BenchmarkPractice> b)
    {
        b.ToTable("BenchmarkPractices");
        b.HasIndex(p => p.AwardId);
        b.HasIndex(p => p.OrganizationId);
        b.HasIndex(p => new { p.Status, p.AwardYear });
        b.Property(p => p.OrganizationName).HasMaxLength(200);
        b.Property(p => p.Title).HasMaxLength(BenchmarkPractice.TitleLength);
        b.Property(p => p.Summary).HasMaxLength(BenchmarkPractice.SummaryLength);
        b.Property(p => p.ReturnReason).HasMaxLength(BenchmarkPractice.ReasonLength);
        b.Property(p => p.UpdatedBy).HasMaxLength(100);
        b.Property(p => p.ReviewedBy).HasMaxLength(100);
    }
}
