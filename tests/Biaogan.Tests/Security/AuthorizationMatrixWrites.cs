namespace Biaogan.Tests.Security;

/// <summary>
/// The write half of the matrices. Bodies are chosen so that a person who passes the gate is turned down on the content
/// (V: a missing field, a stale version -1, a step out of order; N: an unknown {X}) and nothing in the shared world changes
/// — the rows check who gets through, the features' own tests check what the write does.
/// </summary>
public partial class AuthorizationMatrixTests
{
    private const string Stale = """{"version":-1}""";

    //                                                        匿 甲 戊 乙 己 评 办 管 评委 审委 领导
    private static readonly Row[] Writes =
    [
        // 申报: only the applicant's own users edit, submit, withdraw and upload; a submitted application is no longer editable (V);
        // the chosen recommending body and the office see it but may not change it (F); nobody else knows of it (N)
        new("PUT", "/api/applications/{A}", Stale, "LVNFNNFFNNN"),
        new("POST", "/api/applications/{A}/submit", Stale, "LVNFNNFFNNN"),
        new("POST", "/api/applications/{A}/withdraw", Stale, "LVNFNNFFNNN"),
        new("POST", "/api/applications/{A}/files", Stale, "LVNFNNFFNNN"),
        // 推荐意见: recommending bodies only; the chosen one
        new("POST", "/api/recommendations/{A}", Stale, "LFFVNFFFFFF"),
        new("POST", "/api/recommendations/{A}/decline", Stale, "LFFVNFFFFFF"),
        // 资格审查 and 利益冲突 (office)
        new("POST", "/api/qualification/{A}/decision", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/conflicts/{X}/confirm", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/conflicts/{X}/dismiss", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/conflicts/scan/{X}", Stale, "LFFFFFVVFFF"),
        // 站内信: one's own only
        new("POST", "/api/inbox/{X}/read", Stale, "LNNNNNNNNNN"),
        new("POST", "/api/inbox/read-all", Stale, "LOOOOOOOOOO"),
        // 专家组分配 (office); declining a seat: only its holder ({M} is a reviewer without an account)
        new("POST", "/api/assignment/runs", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/assignment/plans/{X}/edits", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/assignment/plans/{X}/apply", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/assignment/seats/{M}/decline", Stale, "LNNNNNNNNNN"),
        // 资料评审: only a seat holder scores (nobody here holds a seat of {A}); the office reopens a sheet
        new("PUT", "/api/document-review/sheets/{A}", Stale, "LNNNNNNNNNN"),
        new("POST", "/api/document-review/sheets/{A}/submit", Stale, "LNNNNNNNNNN"),
        new("POST", "/api/document-review/office/sheets/{X}/reopen", Stale, "LFFFFFVVFFF"),
        // 入围评议: committee members vote; members and the office record conflicts; the office runs the deliberation
        new("POST", "/api/document-review/shortlist/votes", Stale, "LFFFFFFFVFF"),
        new("POST", "/api/document-review/shortlist/conflicts", Stale, "LFFFFFVVVFF"),
        new("POST", "/api/document-review/shortlist/{X}/{G}/reveal", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/document-review/shortlist/{X}/{G}/record", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/document-review/shortlist/{X}/{G}/finalise", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/document-review/shortlist/{X}/{G}/reopen", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/document-review/shortlist/conflicts/{X}/withdraw", Stale, "LFFFFFVVFFF"),
        // 反馈报告 (office); {A} has no report
        new("POST", "/api/document-review/feedback/cycles/{X}/generate", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/document-review/feedback/cycles/{X}/release", Stale, "LFFFFFVVFFF"),
        new("PUT", "/api/document-review/feedback/{A}", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/document-review/feedback/{A}/approve", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/document-review/feedback/{A}/withdraw", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/document-review/feedback/{A}/release", Stale, "LFFFFFNNFFF"),
        // 综合评价: committee members vote; members and the office record conflicts; the office records, finalises, reopens
        new("POST", "/api/evaluation/{C}/{G}/votes", Stale, "LFFFFFFFVFF"),
        new("POST", "/api/evaluation/{C}/{G}/conflicts", Stale, "LFFFFFVVVFF"),
        new("POST", "/api/evaluation/{C}/{G}/record", """{"entries":[],"version":-1}""", "LFFFFFVVFFF"),
        new("POST", "/api/evaluation/{C}/{G}/finalise", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/evaluation/{C}/{G}/reopen", Stale, "LFFFFFVVFFF"),
        // 双向反馈: organisations rate reviewers, reviewers rate organisations (of their own visits), the office reopens
        new("POST", "/api/mutual-feedback/reviewer-ratings", Stale, "LNNFFFFFFFF"),
        new("POST", "/api/mutual-feedback/organization-ratings", Stale, "LFFFFVFFFFF"),
        new("POST", "/api/mutual-feedback/ratings/{X}/reopen", Stale, "LFFFFFVVFFF"),
        // 现场评审 of {A} (approved by the office, not yet released): nobody outside the visit learns of it (N). Those who see it —
        // the office and the organisation — but lack the role for a step are refused by SiteVisitWorkflow.ForChangeAsync with a
        // rule message, 422 (V), not 403: the one remaining role refusal that is not a 403, left to the authorization work of issue 9.
        new("POST", "/api/onsite/cycles/{X}/visits", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/onsite/cycles/{X}/close", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/onsite/cycles/{X}/Enterprise/withdraw", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/onsite/visits/{A}/schedule", """{"version":-1,"startDate":"2026-12-01","endDate":"2026-12-02","sites":[],"agenda":[]}""", "LVNNNNVVNNN"),
        new("POST", "/api/onsite/visits/{A}/schedule/answer", Stale, "LVNNNNVVNNN"),
        new("POST", "/api/onsite/visits/{A}/issues", Stale, "LVNNNNVVNNN"),
        new("POST", "/api/onsite/visits/{A}/issues/{X}/close", """{"version":-1,"outcome":0}""", "LVNNNNVVNNN"),
        new("POST", "/api/onsite/visits/{A}/record", """{"version":-1,"items":[]}""", "LVNNNNVVNNN"),
        new("POST", "/api/onsite/visits/{A}/leader-approval", Stale, "LVNNNNVVNNN"),
        new("POST", "/api/onsite/visits/{A}/office-approval", Stale, "LVNNNNVVNNN"),
        new("POST", "/api/onsite/visits/{A}/return", Stale, "LVNNNNVVNNN"),
        new("POST", "/api/onsite/visits/{A}/release", Stale, "LVNNNNVVNNN"),
        // 审定: the office opens, records and finalises; approval committee members vote
        new("POST", "/api/approval/start", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/approval/votes", Stale, "LFFFFFFFFVF"),
        new("POST", "/api/approval/decisions", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/approval/finalise", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/approval/withdraw", Stale, "LFFFFFVVFFF"),
        // 标杆与证书 (office)
        // 获奖后监督: the office runs cases and records decisions; the leading group votes; the organisation concerned ({S} and
        // {I} are 甲's) replies and reports; another organisation does not know of them (N)
        new("POST", "/api/supervision/cases", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/supervision/cases/{S}/notes", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/supervision/cases/{S}/reply-request", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/supervision/cases/{S}/reply", Stale, "LVNFFFFFFFF"),
        new("POST", "/api/supervision/cases/{S}/submit", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/supervision/cases/{S}/return", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/supervision/cases/{S}/votes", Stale, "LFFFFFFFFFV"),
        new("POST", "/api/supervision/cases/{S}/decision", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/supervision/incidents", Stale, "LVVFFFFFFFF"),
        new("POST", "/api/supervision/incidents/register", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/supervision/incidents/{I}/report-request", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/supervision/incidents/{I}/report", Stale, "LVNFFFFFFFF"),
        new("POST", "/api/supervision/incidents/{I}/files", Stale, "LVNFFFFFFFF"),
        new("POST", "/api/awards/{W}/plaque", Stale, "LFFFFFVVFFF"),
        // 公示与异议 (office; no notice yet, so every step is out of order) and the organisation's reply (applicants; its own only)
        new("POST", "/api/notices/current", Stale, "LFFFFFVVFFF"),
        new("PUT", "/api/notices/current", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/notices/current/publish", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/notices/current/withdraw", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/notices/current/apply-correction", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/objections/{X}/notes", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/objections/{X}/reply-request", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/objections/{X}/conclusion", Stale, "LFFFFFNNFFF"),
        new("POST", "/api/objections/{X}/reply", Stale, "LNNFFFFFFFF"),
        // 评价准则 (office); {V} is published
        new("POST", "/api/criteria/import", "multipart", "LFFFFFVVFFF"),
        new("POST", "/api/criteria/{X}/copy", Stale, "LFFFFFNNFFF"),
        new("PUT", "/api/criteria/{V}", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/criteria/{V}/publish", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/criteria/{V}/retire", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/criteria/{V}/reinstate", Stale, "LFFFFFVVFFF"),
        new("DELETE", "/api/criteria/{V}?version=-1", null, "LFFFFFVVFFF"),
        // pages (an empty form; a rule error is shown on the page again: O)
        // 阶段工作报告 (第九条): the office generates (unchanged data: refused on content), committee members 审议 (nothing chosen: refused)
        new("POST", "/api/stage-reports/{C}/{T}/generate", Stale, "LFFFFFVVFFF"),
        new("POST", "/api/stage-reports/{C}/{T}/responses", Stale, "LFFFFFFFVFF"),
        new("POST", "/api/stage-reports/{X}/{T}/generate", Stale, "LFFFFFNNFFF"),
        new("POST", "/StageReports?handler=Generate", null, "LFFFFFOOFFF"),
        new("POST", "/StageReports?handler=Respond", null, "LFFFFFFFOFF"),
        new("POST", "/Approval?handler=Start", null, "LFFFFFOOFFF"),
        new("POST", "/Approval?handler=Vote", null, "LFFFFFFFFOF"),
        new("POST", "/Approval?handler=Decide", null, "LFFFFFOOFFF"),
        new("POST", "/Approval?handler=Finalise", null, "LFFFFFOOFFF"),
        new("POST", "/PublicNotice?handler=Create", null, "LFFFFFOOFFF"),
        new("POST", "/PublicNotice?handler=Save", null, "LFFFFFOOFFF"),
        new("POST", "/PublicNotice?handler=Publish", null, "LFFFFFOOFFF"),
        new("POST", "/PublicNotice/Objection/{X}?handler=Note", null, "LFFFFFNNFFF"),
        new("POST", "/PublicNotice/Reply/{X}", null, "LNNFFFFFFFF"),
        new("POST", "/Supervision?handler=Open", null, "LFFFFFOOFFF"),
        new("POST", "/Supervision/Register", null, "LFFFFFOOFFF"),
        new("POST", "/Supervision/Case/{S}?handler=Note", null, "LFFFFFOOFFF"),
        new("POST", "/Supervision/Case/{S}?handler=Decide", null, "LFFFFFOOFFF"),
        new("POST", "/Supervision/Case/{S}?handler=RequestReport", null, "LFFFFFOOFFF"),
        new("POST", "/Supervision/Case/{S}?handler=Vote", null, "LFFFFFFFFFO"),
        new("POST", "/Supervision/Case/{S}?handler=Reply", null, "LONFFFFFFFF"),
        new("POST", "/Supervision/Report", null, "LOOFFFFFFFF"),
        new("POST", "/Awards/Details/{W}?handler=Plaque", null, "LFFFFFOOFFF"),
        new("POST", "/Criteria?handler=Import", null, "LFFFFFOOFFF"),
        new("POST", "/Criteria/Details/{V}?handler=Delete", null, "LFFFFFOOFFF"),
        new("POST", "/Criteria/Edit/{V}", null, "LFFFFFOOFFF"),
        new("POST", "/DocumentReview/Shortlist?handler=Vote&cycleId={C}", null, "LFFFFFFFNFF"),
        new("POST", "/DocumentReview/Shortlist?handler=Finalise&cycleId={C}", null, "LFFFFFOOFFF"),
        new("POST", "/DocumentReview/Shortlist?handler=Reopen&cycleId={C}", null, "LFFFFFOOFFF"),
        new("POST", "/DocumentReview/Feedback/Edit/{A}?handler=Save", null, "LFFFFFNNFFF"),
        new("POST", "/Evaluation?handler=Vote&cycleId={C}", null, "LFFFFFFFNFF"),
        new("POST", "/Reviewers/Decisions", null, "LFFFFFFOFFO"),
        new("POST", "/Cycles/Create", null, "LFFFFFOOFFF"),
        new("POST", "/Accounts/Invite", null, "LFFFFFOOFFF"),
    ];
}
