namespace Biaogan.Web.Features.Accounts;

/// <summary>The programme's roles (第六至十条). Names are stable identifiers; <see cref="Display"/> is Chinese.</summary>
public static class Roles
{
    /// <summary>申报组织用户</summary>
    public const string Applicant = "Applicant";
    /// <summary>推荐单位用户</summary>
    public const string Recommender = "Recommender";
    /// <summary>活动办公室工作人员</summary>
    public const string Office = "Office";
    /// <summary>评审员</summary>
    public const string Reviewer = "Reviewer";
    /// <summary>评审委员会委员</summary>
    public const string ReviewCommittee = "ReviewCommittee";
    /// <summary>审定委员会委员</summary>
    public const string ApprovalCommittee = "ApprovalCommittee";
    /// <summary>领导小组成员</summary>
    public const string LeadingGroup = "LeadingGroup";
    /// <summary>系统管理员</summary>
    public const string Admin = "Admin";

    public static readonly string[] All =
        [Applicant, Recommender, Office, Reviewer, ReviewCommittee, ApprovalCommittee, LeadingGroup, Admin];

    /// <summary>Roles given by invitation only (staff, reviewers and committee members).</summary>
    public static readonly string[] Invited =
        [Office, Reviewer, ReviewCommittee, ApprovalCommittee, LeadingGroup, Admin];

    /// <summary>Roles that must sign in with a TOTP second factor (staff and committee roles).</summary>
    public static readonly string[] RequireTwoFactor =
        [Office, ReviewCommittee, ApprovalCommittee, LeadingGroup, Admin];

    /// <summary>Office or administrator: the people who run the programme day to day.</summary>
    public const string OfficeOrAdmin = Office + "," + Admin;

    public static string Display(string role) => role switch
    {
        Applicant => "申报组织用户",
        Recommender => "推荐单位用户",
        Office => "活动办公室",
        Reviewer => "评审员",
        ReviewCommittee => "评审委员会委员",
        ApprovalCommittee => "审定委员会委员",
        LeadingGroup => "领导小组成员",
        Admin => "系统管理员",
        _ => role,
    };
}
