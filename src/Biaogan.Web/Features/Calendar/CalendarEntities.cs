using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Biaogan.Web.Features.Calendar;

/// <summary>A year's holiday notice (国务院办公厅关于某年部分节假日安排的通知) as loaded or entered.</summary>
public sealed class CalendarYear : Entity
{
    public int Year { get; set; }
    /// <summary>Whether the State Council notice for the year is in (otherwise Monday–Friday, unconfirmed).</summary>
    public bool Published { get; set; }
    /// <summary>Notice URLs or document numbers, one per line.</summary>
    public string Papers { get; set; } = "";
    /// <summary>Where the data came from: 内置数据 (holiday-cn), 文件导入, 办公室录入.</summary>
    public string Source { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A day that differs from the Monday–Friday rule: a day off, or a weekend working day (调休上班).</summary>
public sealed class CalendarDay : Entity
{
    public DateOnly Date { get; set; }
    public bool IsOffDay { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The notice year this day was published under (may differ from Date.Year).</summary>
    public int NoticeYear { get; set; }
    /// <summary>Set when the office corrected the day by hand; the reason is kept.</summary>
    public string? CorrectionNote { get; set; }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.HasIndex(y => y.Year).IsUnique();
        b.Property(y => y.Source).HasMaxLength(50);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasIndex(d => d.Date).IsUnique();
        b.Property(d => d.Name).HasMaxLength(100);
    }
}
