using Microsoft.AspNetCore.Authorization;

namespace Biaogan.Web.Features.Accounts;

/// <summary>
/// The named authorization policies: who may open each kind of page or endpoint (第六至十条). Pages say
/// <c>[Authorize(Policy = Policies.Office)]</c> and endpoints <c>.RequireAuthorization(Policies.Office)</c> instead of
/// listing roles; finer rules (own record, seat in a group, names hidden) stay in the feature's access class and
/// answer 403 (page: Forbid()) when they refuse.
/// </summary>
public static class Policies
{
    /// <summary>活动办公室 and 系统管理员.</summary>
    public const string Office = "office";
    /// <summary>The office and 评审委员会委员: ranking, shortlist and 综合评价 pages.</summary>
    public const string ReviewCommittee = "review-committee";
    /// <summary>The office and 审定委员会委员: the approval round.</summary>
    public const string ApprovalCommittee = "approval-committee";
    /// <summary>The people who run the reviewer pool: office, administrator, 领导小组.</summary>
    public const string ReviewerPoolStaff = "reviewer-pool-staff";
    /// <summary>第十二条: 领导小组 selects and appoints reviewers; the administrator may act for it.</summary>
    public const string ReviewerAppointment = "reviewer-appointment";
    /// <summary>Who may edit a reviewer profile: the office any, a reviewer their own (checked by the page).</summary>
    public const string ReviewerProfileEditor = "reviewer-profile-editor";
    /// <summary>The pool's staff and reviewers (a reviewer sees only their own profile, checked per resource).</summary>
    public const string ReviewerPoolOrReviewer = "reviewer-pool-or-reviewer";
    /// <summary>评审委员会委员 only: casting a vote in 入围评议 or 综合评价.</summary>
    public const string ReviewCommitteeMember = "review-committee-member";
    /// <summary>审定委员会委员 only: casting a vote in the approval round.</summary>
    public const string ApprovalCommitteeMember = "approval-committee-member";
    /// <summary>评审员.</summary>
    public const string Reviewer = "reviewer";
    /// <summary>申报组织用户.</summary>
    public const string Applicant = "applicant";
    /// <summary>推荐单位用户.</summary>
    public const string Recommender = "recommender";
    /// <summary>Both sides of the 第三十条 two-way feedback: 申报组织用户 and 评审员.</summary>
    public const string ApplicantOrReviewer = "applicant-or-reviewer";
    /// <summary>获奖后监督 staff: the office and 领导小组 see every case (第二十四条).</summary>
    public const string SupervisionStaff = "supervision-staff";
    /// <summary>Who may open a supervision case page: staff, and a winner's users for their own cases (checked by the page).</summary>
    public const string SupervisionParties = "supervision-parties";
    /// <summary>领导小组成员: the votes on supervision cases.</summary>
    public const string LeadingGroup = "leading-group";
    /// <summary>第七条: the office proposes and the leading group decides; both read the decisions and rulings.</summary>
    public const string Governance = "governance";
    /// <summary>Who may read the committees' composition (第八、九条): the office, the leading group and the committees.</summary>
    public const string CommitteeComposition = "committee-composition";
    /// <summary>经验案例 (第二十五、三十一条): the office reviews every case; a winner's users keep their own (checked by the feature).</summary>
    public const string OfficeOrApplicant = "office-or-applicant";

    /// <summary>The roles behind each policy; the one place they are listed.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Office] = [Roles.Office, Roles.Admin],
        [ReviewCommittee] = [Roles.Office, Roles.Admin, Roles.ReviewCommittee],
        [ApprovalCommittee] = [Roles.Office, Roles.Admin, Roles.ApprovalCommittee],
        [ReviewerPoolStaff] = [Roles.Office, Roles.Admin, Roles.LeadingGroup],
        [ReviewerAppointment] = [Roles.LeadingGroup, Roles.Admin],
        [ReviewerProfileEditor] = [Roles.Office, Roles.Admin, Roles.Reviewer],
        [ReviewerPoolOrReviewer] = [Roles.Office, Roles.Admin, Roles.LeadingGroup, Roles.Reviewer],
        [ReviewCommitteeMember] = [Roles.ReviewCommittee],
        [ApprovalCommitteeMember] = [Roles.ApprovalCommittee],
        [Reviewer] = [Roles.Reviewer],
        [Applicant] = [Roles.Applicant],
        [Recommender] = [Roles.Recommender],
        [ApplicantOrReviewer] = [Roles.Applicant, Roles.Reviewer],
        [SupervisionStaff] = [Roles.Office, Roles.Admin, Roles.LeadingGroup],
        [SupervisionParties] = [Roles.Office, Roles.Admin, Roles.LeadingGroup, Roles.Applicant],
        [LeadingGroup] = [Roles.LeadingGroup],
        [Governance] = [Roles.Office, Roles.Admin, Roles.LeadingGroup],
        [CommitteeComposition] = [Roles.Office, Roles.Admin, Roles.LeadingGroup, Roles.ReviewCommittee, Roles.ApprovalCommittee],
        [OfficeOrApplicant] = [Roles.Office, Roles.Admin, Roles.Applicant],
    };

    /// <summary>Registers every policy (called once, by AccountsModule).</summary>
    public static void AddPolicies(this AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesOf) options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles));
    }
}
