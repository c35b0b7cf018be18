namespace Biaogan.Web.Features.Supervision;

/// <summary>Settings of section Supervision (docs/operations.md).</summary>
public sealed class SupervisionOptions
{
    /// <summary>When the leading group has decided a case (过半数 of the votes cast by default).</summary>
    public MajorityRule Majority { get; set; } = new();
    /// <summary>Days before a written report's deadline that the organisation is reminded (default 7).</summary>
    public int ReminderDaysBefore { get; set; } = 7;
}
