using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Calendar;

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.HasIndex(y => y.Year).IsUnique();
        b.Property(y => y.Source).HasMaxLength(50);
        b.Property(y => y.Papers).HasMaxLength(2000);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasIndex(d => d.Date).IsUnique();
        b.HasIndex(d => d.NoticeYear);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.CorrectionNote).HasMaxLength(500);
        b.Ignore(d => d.KindDisplay);
    }
}
