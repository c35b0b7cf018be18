using Biaogan.Web.Features.Notifications;

namespace Biaogan.Web.Features.Assignment;

/// <summary>The notification templates of expert-group assignment (texts in <see cref="DefaultTemplates"/>, editable by the office).</summary>
public static class AssignmentTemplates
{
    /// <summary>To a reviewer seated in a group.</summary>
    public const string Seated = DefaultTemplates.AssignmentSeated;
    /// <summary>To a reviewer whose seat a plan ended.</summary>
    public const string Removed = DefaultTemplates.AssignmentRemoved;
    /// <summary>To the office when a reviewer declines.</summary>
    public const string Declined = DefaultTemplates.AssignmentDeclined;
}
