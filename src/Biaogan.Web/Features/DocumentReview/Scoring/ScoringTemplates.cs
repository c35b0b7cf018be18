using Biaogan.Web.Features.Notifications;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>The notification templates 资料评审 scoring sends (texts in <see cref="DefaultTemplates"/>, editable by the office).</summary>
public static class ScoringTemplates
{
    public const string Reminder = DefaultTemplates.ScoringReminder;
    public const string Overdue = DefaultTemplates.ScoringOverdue;
    public const string OverdueOffice = DefaultTemplates.ScoringOverdueOffice;
    public const string Reopened = DefaultTemplates.ScoringReopened;
}
