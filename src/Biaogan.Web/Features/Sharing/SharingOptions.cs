namespace Biaogan.Web.Features.Sharing;

/// <summary>Settings of experience sharing (section “Sharing”).</summary>
public sealed class SharingOptions
{
    public const string Section = "Sharing";

    /// <summary>The reminder to answer an invitation goes out at 09:00 this many days before the event begins.</summary>
    public int ReminderDaysBefore { get; set; } = 7;

    /// <summary>Materials and practice files: at most this many per answer or case, each at most <see cref="MaxFileMb"/> MB.</summary>
    public int MaxFiles { get; set; } = 10;
    public int MaxFileMb { get; set; } = 20;
}
