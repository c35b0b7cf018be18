namespace Biaogan.Web.Features.Commitments;

/// <summary>Settings of section Commitments (docs/operations.md): when the winners' yearly progress reports (第二十三条) are due.</summary>
public sealed class CommitmentsOptions
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "Commitments";

    /// <summary>Month of the due date in the year after the year reported on (default 3: 每年 3 月 31 日前报送上一年度).</summary>
    public int DueMonth { get; set; } = 3;
    /// <summary>Day of the due date; a day the month lacks (02-30) means its last day.</summary>
    public int DueDay { get; set; } = 31;
    /// <summary>
    /// How many yearly reports an award owes, the first on its award year (default 3: for a 2025 benchmark the reports on 2025,
    /// 2026 and 2027, due in 2026, 2027 and 2028 — the last in the year of the three-year confirmation of 第二十四条).
    /// </summary>
    public int Reports { get; set; } = 3;
    /// <summary>Days before the due date that the organisation is reminded (default 30).</summary>
    public int ReminderDaysBefore { get; set; } = 30;
}
