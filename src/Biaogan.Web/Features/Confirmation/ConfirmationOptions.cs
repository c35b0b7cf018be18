namespace Biaogan.Web.Features.Confirmation;

/// <summary>Settings of section Confirmation (docs/operations.md); Confirmation:Due belongs to Awards.ConfirmationDue.</summary>
public sealed class ConfirmationOptions
{
    /// <summary>Reviewers per confirmation group (确认组); the first is proposed as 组长.</summary>
    public int GroupSize { get; set; } = 3;
    /// <summary>Most confirmation seats one reviewer holds at a time across open rounds.</summary>
    public int MaxSeatsPerReviewer { get; set; } = 3;
    /// <summary>Calendar days the group has for its opinion, counted from the later of the group's notice and the submission deadline.</summary>
    public int OpinionDays { get; set; } = 15;
    /// <summary>Days before the opinion deadline that members who have not submitted are reminded.</summary>
    public int OpinionReminderDaysBefore { get; set; } = 3;
}
