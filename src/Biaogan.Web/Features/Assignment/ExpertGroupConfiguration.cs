using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Assignment;

internal sealed class ExpertGroupConfiguration : IEntityTypeConfiguration<ExpertGroup>
{
    public void Configure(EntityTypeBuilder<ExpertGroup> b)
    {
        b.ToTable("ExpertGroups");
        b.HasIndex(g => new { g.ApplicationId, g.Stage }).IsUnique();
        b.HasIndex(g => new { g.CycleId, g.Stage });
        b.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(g => g.Members).AutoInclude();
        b.Ignore(g => g.ActiveMembers);
        b.Ignore(g => g.Leader);
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> b)
    {
        b.ToTable("GroupMembers");
        b.HasIndex(m => new { m.ReviewerId, m.Status });
        b.HasIndex(m => new { m.ApplicationId, m.ReviewerId });
        b.Property(m => m.TermsVersion).HasMaxLength(20);
        b.Property(m => m.EndReason).HasMaxLength(1000);
        b.Ignore(m => m.IsActive);
        b.Ignore(m => m.MayViewMaterials);
    }
}
