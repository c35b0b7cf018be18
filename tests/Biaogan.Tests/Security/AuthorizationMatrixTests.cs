using System.Net;
using Biaogan.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Biaogan.Tests.Security;

/// <summary>
/// Both authorization matrices — pages and API — for every persona, with real resources seeded once (<see cref="MatrixApp"/>).
/// Reads (GET): who gets the page (O), who is sent to log in (L), who is refused (D: 403, 404 or the access-denied page),
/// and who is redirected elsewhere (R). Writes (POST/PUT/DELETE, in AuthorizationMatrixWrites.cs) tell a refusal (F: 403 or
/// the access-denied page) from a resource the person may not know of (N: 404) and from a request that passed the gate and
/// was turned down on its content (V: 400, 409 or 422; a page shows the error again: O). Each persona runs its requests on its
/// own client, all personas at once. A new endpoint without a row fails the test.
/// </summary>
public partial class AuthorizationMatrixTests(MatrixApp app) : IClassFixture<MatrixApp>
{
    private static readonly string[] Cast11 =
        ["匿名", "申报组织甲", "申报组织戊", "推荐单位乙", "推荐单位己", "评审员", "办公室", "管理员", "评审委员会", "审定委员会", "领导小组"];

    /// <summary>Expected outcome of each GET per persona, in the order of <see cref="Cast11"/>.</summary>
    private static readonly (string Route, string Expected)[] Reads =
    [
        // 申报 — an applicant reaches only its own, the chosen recommending body only once submitted; the form's tabs
        // are read-only for everyone but the applicant (editing is checked on every post).
        ("/Applications/Details/{A}", "LODODDOODDD"),
        ("/Applications/Edit/{A}", "LODODDOODDD"),
        ("/Applications/Edit/{A}/Conditions", "LODODDOODDD"),
        ("/Applications/Edit/{A}/SelfEvaluation", "LODODDOODDD"),
        ("/Applications/Edit/{A}/Evidence", "LODODDOODDD"),
        ("/Applications/Edit/{A}/Recommender", "LODODDOODDD"),
        ("/Applications/Files/{F}", "LODODDOODDD"),
        ("/api/applications", "LOOOOOOOOOO"),
        // 导出 Excel of the filtered list (carries contacts): office only
        ("/Applications/Export", "LDDDDDOODDD"),
        ("/api/applications/export", "LDDDDDOODDD"),
        // 批量发送通知: the preview of recipients (office only)
        ("/Applications/Message", "LDDDDDOODDD"),
        ("/api/applications/message-recipients", "LDDDDDOODDD"),
        ("/api/applications/{A}", "LODODDOODDD"),
        ("/api/applications/{A}/files", "LODODDOODDD"),
        ("/api/applications/{A}/files/{F}", "LODODDOODDD"),
        // 下载全部材料 (ZIP): the same people as a single file
        ("/Applications/{A}/Materials.zip", "LODODDOODDD"),
        ("/api/applications/{A}/materials.zip", "LODODDOODDD"),
        // the submitted 申报表 as a PDF: the organisation, the recommending body it chose and the office
        ("/Applications/{A}/Form.pdf", "LODODDOODDD"),
        ("/api/applications/{A}/form.pdf", "LODODDOODDD"),
        // 推荐意见 and 资格审查
        ("/Recommendations/Review/{A}", "LDDODDDDDDD"),
        ("/Qualification/Review/{A}", "LDDDDDOODDD"),
        ("/Qualification/Supplement/{A}", "LODDDDOODDD"),
        ("/api/qualification/{A}", "LODDDDOODDD"),
        ("/api/qualification/queue", "LDDDDDOODDD"),
        // 资格审查队列的导出 (carries contacts) and the preview of 催办补正: office only
        ("/Qualification/Export", "LDDDDDOODDD"),
        ("/api/qualification/export", "LDDDDDOODDD"),
        ("/Qualification/Remind", "LDDDDDOODDD"),
        ("/api/qualification/reminder-recipients", "LDDDDDOODDD"),
        // office pages
        ("/Qualification", "LDDDDDOODDD"),
        ("/Cycles", "LDDDDDOODDD"),
        ("/Cycles/Create", "LDDDDDOODDD"),
        ("/Cycles/Edit/{C}", "LDDDDDOODDD"),
        ("/Calendar", "LDDDDDOODDD"),
        ("/Calendar/Year/2026", "LDDDDDOODDD"),
        ("/Calendar/Import", "LDDDDDOODDD"),
        ("/Calendar/Correct", "LDDDDDOODDD"),
        ("/Calendar/Calculator", "LDDDDDOODDD"),
        ("/Audit", "LDDDDDOODDD"),
        // 办公室检索 (organisations, applications, reviewers): office only
        ("/Search?q=甲", "LDDDDDOODDD"),
        ("/api/search?q=甲", "LDDDDDOODDD"),
        // 人员与邀请 API (office and administrator)
        ("/api/users/", "LDDDDDOODDD"),
        // health probes answer everyone (no data in them)
        ("/healthz", "OOOOOOOOOOO"),
        ("/readyz", "OOOOOOOOOOO"),
        // 后台任务 (scheduled work): an unknown item is 404 for the office too (a real one: Jobs/ScheduledWorkPageTests)
        ("/Jobs", "LDDDDDOODDD"),
        ("/api/jobs", "LDDDDDOODDD"),
        ("/api/jobs/0196f1a2-0000-7000-8000-000000000001", "LDDDDDDDDDD"),
        ("/Accounts/Users", "LDDDDDOODDD"),
        ("/Accounts/Invite", "LDDDDDOODDD"),
        ("/Notifications/Templates", "LDDDDDOODDD"),
        ("/Notifications/Templates/Edit/application.submitted", "LDDDDDOODDD"),
        ("/Notifications/Outbox", "LDDDDDOODDD"),
        ("/Organizations/RecommendingBodies", "LDDDDDOODDD"),
        // role pages
        // 我的待办: every signed-in person has one (its content is per role: Progress/TodoPageTests)
        ("/Progress/Todo", "LOOOOOOOOOO"),
        // the list is filtered per person (ApplicationAccess.Visible): a reviewer's is empty
        ("/Applications", "LOOOOOOOOOO"),
        ("/Organizations/Profile", "LOODDDDDDDD"),
        ("/Organizations/Body", "LDDOODDDDDD"),
        ("/Recommendations", "LDDOODDDDDD"),
        ("/api/organizations/me", "LOODDDDDDDD"),
        // 评价准则 (office) and 评审员库 (office, leading group; a reviewer only their own record)
        ("/Criteria", "LDDDDDOODDD"),
        ("/Criteria/Details/{V}", "LDDDDDOODDD"),
        // a published version is not editable: the office is sent to its details page (R)
        ("/Criteria/Edit/{V}", "LDDDDDRRDDD"),
        ("/Reviewers", "LDDDDDOODDO"),
        ("/Reviewers/Create", "LDDDDDOODDD"),
        // 导出 Excel of the filtered pool (contacts): the pool's staff, like the list
        ("/Reviewers/Export", "LDDDDDOODDO"),
        ("/api/reviewers/export", "LDDDDDOODDO"),
        ("/Reviewers/Decisions", "LDDDDDDODDO"),
        ("/Reviewers/Settings", "LDDDDDOODDD"),
        ("/Reviewers/Details/{R}", "LDDDDDOODDO"),
        ("/Reviewers/Edit/{R}", "LDDDDDOODDD"),
        ("/Reviewers/Records/{R}", "LDDDDDOODDD"),
        ("/Reviewers/Sanctions/{R}", "LDDDDDOODDO"),
        ("/Reviewers/Me", "LDDDDODDDDD"),
        // 利益冲突: the office's queue, rules and terms; a reviewer only their own relations and their own seat's
        // declaration ({M} is another reviewer's seat, so everyone is refused); an applicant only its own avoid-list.
        ("/Conflicts", "LDDDDDOODDD"),
        ("/Conflicts/Rules", "LDDDDDOODDD"),
        ("/Conflicts/Terms", "LDDDDDOODDD"),
        ("/Conflicts/Relations", "LDDDDODDDDD"),
        ("/Conflicts/Avoid/{A}", "LODDDDOODDD"),
        ("/Conflicts/Declare/{M}", "LDDDDDDDDDD"),
        ("/api/conflicts", "LDDDDDOODDD"),
        ("/api/conflicts/{K}", "LDDDDDOODDD"),
        ("/api/conflicts/avoid/{A}", "LODDDDOODDD"),
        // the reviewer persona has no profile: no relations of their own (404), like everyone else
        ("/api/conflicts/relations/me", "LDDDDDDDDDD"),
        ("/api/conflicts/terms", "LOOOOOOOOOO"),
        ("/api/reviewers", "LDDDDDOODDO"),
        // 向评审员批量发送通知: the preview of recipients (office only)
        ("/Reviewers/Message", "LDDDDDOODDD"),
        ("/api/reviewers/message-recipients", "LDDDDDOODDD"),
        ("/api/reviewers/available", "LDDDDDOODDO"),
        // the reviewer persona has no profile yet, so their own record is 404 like anyone else's
        ("/api/reviewers/me", "LDDDDDDDDDD"),
        ("/api/reviewers/settings", "LDDDDDOODDO"),
        ("/api/reviewers/{R}", "LDDDDDOODDO"),
        // 专家组分配 (office); the reviewer's own task list; plan and job pages need a real plan {P} and job {J}
        ("/Assignment", "LDDDDDOODDD"),
        ("/Assignment/Leaders", "LDDDDDOODDD"),
        ("/Assignment/Jobs/{J}", "LDDDDDOODDD"),
        ("/Assignment/Plans/{P}", "LDDDDDOODDD"),
        ("/Assignment/Plans/{P}/Edit", "LDDDDDOODDD"),
        ("/Assignment/Mine", "LDDDDODDDDD"),
        ("/api/assignment/jobs/{J}", "LDDDDDOODDD"),
        ("/api/assignment/plans?cycleId={C}", "LDDDDDOODDD"),
        ("/api/assignment/plans/{P}", "LDDDDDOODDD"),
        // filtered per person: everyone gets their own seats only (an empty list when they hold none)
        ("/api/assignment/mine", "LOOOOOOOOOO"),
        // 资料评审: in {A}'s expert group sits another reviewer (seat {M}) who has not declared, so the reviewer persona
        // holds no seat and every reviewer page and score is closed to them; the office reads the group's consensus page
        // (a seat holder's access, the declaration, conflicts and others' scores: DocumentReview tests)
        ("/DocumentReview", "LDDDDDOODDD"),
        ("/DocumentReview/Application/{A}", "LDDDDDDDDDD"),
        ("/DocumentReview/Files/{F}", "LDDDDDDDDDD"),
        ("/DocumentReview/Materials/{A}.zip", "LDDDDDDDDDD"),
        ("/DocumentReview/Sheet/{A}", "LDDDDDDDDDD"),
        ("/DocumentReview/Consensus/{A}", "LDDDDDOODDD"),
        ("/api/document-review/sheets/{A}", "LDDDDDDDDDD"),
        ("/api/document-review/applications/{A}/sheets", "LDDDDDOODDD"),
        ("/api/document-review/consensus/{A}", "LDDDDDOODDD"),
        ("/api/document-review/cycles/{C}/progress", "LDDDDDOODDD"),
        // 资料评审排名、评审委员会入围评议 (office and the committee; the committee persona is checked in
        // DocumentReview/RankingAccessTests) and 反馈报告 (office; the applicant only its own once released — none here, so 404)
        ("/DocumentReview/Ranking", "LDDDDDOOODD"),
        ("/DocumentReview/Shortlist", "LDDDDDOOODD"),
        // their paged, filtered and sorted lists (decision 0054): the parameters open nothing more
        ("/DocumentReview/Ranking?cycleId={C}&category=Enterprise&q=x&sort=name&dir=desc&p=2&size=10", "LDDDDDOOODD"),
        ("/DocumentReview/Shortlist?cycleId={C}&category=Service&recorded=no&q=x&sort=consensus&p=2&cq=x", "LDDDDDOOODD"),
        ("/DocumentReview/Feedback", "LDDDDDOODDD"),
        // 反馈报告列表的导出: office only
        ("/DocumentReview/Feedback/Export?cycleId={C}", "LDDDDDOODDD"),
        ("/DocumentReview/Feedback/Edit/{A}", "LDDDDDDDDDD"),
        ("/DocumentReview/Feedback/View/{A}", "LDDDDDDDDDD"),
        ("/DocumentReview/Feedback/Download/{A}", "LDDDDDDDDDD"),
        ("/api/document-review/ranking/{C}", "LDDDDDOOODD"),
        ("/api/document-review/ranking/{C}?category=Service&q=x&sort=calibrated&dir=asc&p=2&size=10", "LDDDDDOOODD"),
        ("/api/document-review/shortlist/{C}", "LDDDDDOODDD"),
        ("/api/document-review/shortlist/{C}/selected", "LDDDDDOODDD"),
        ("/api/document-review/feedback/{A}", "LDDDDDDDDDD"),
        ("/api/document-review/feedback/{A}/pdf", "LDDDDDDDDDD"),
        // 现场评审: the office's list; {A} has no visit (not shortlisted), so every visit page and read is 404 — the team's,
        // the organisation's and the outsiders' access to a real visit: OnSite/SiteVisitTests
        ("/OnSite", "LDDDDDOODDD"),
        // {A} has an on-site visit approved by the office but not yet released: the organisation is sent to its schedule
        // and may not read the report; the office may; nobody else learns it exists.
        ("/OnSite/Visit/{A}", "LRDDDDOODDD"),
        ("/OnSite/Schedule/{A}", "LODDDDOODDD"),
        ("/OnSite/Report/{A}", "LDDDDDOODDD"),
        ("/api/onsite/cycles/{C}/visits", "LDDDDDOODDD"),
        // the office's paged, filtered and sorted 现场评审 list (decision 0055): the parameters open nothing more
        ("/OnSite?cycleId={C}&status=None&category=Enterprise&region=11&q=x&sort=status&dir=desc&p=2&size=10", "LDDDDDOODDD"),
        ("/api/onsite/cycles/{C}/visits?status=Planning&industry=C&q=x&sort=onsite&p=2&size=10", "LDDDDDOODDD"),
        ("/api/onsite/visits/{A}", "LDDDDDOODDD"),
        ("/api/onsite/visits/{A}/schedule", "LODDDDOODDD"),
        ("/api/onsite/visits/{A}/report", "LDDDDDOODDD"),
        // 综合评价 (office and the committee; the committee persona, conflicts and votes: Evaluation tests). {A} has an
        // approved on-site visit whose team is {R} alone.
        ("/Evaluation", "LDDDDDOOODD"),
        ("/Evaluation/Visit/{A}", "LDDDDDOOODD"),
        ("/api/evaluation/{C}/{G}", "LDDDDDOOODD"),
        ("/Evaluation?cycleId={C}&category=Enterprise&q=x&sort=combined&dir=asc&p=2&size=10", "LDDDDDOOODD"),
        ("/api/evaluation/{C}/{G}?q=x&sort=onsite&p=2&size=10", "LDDDDDOOODD"),
        // 双向反馈 (第三十条): the office sees both sides; the organisation of {A} rates {R} (only its own form); the reviewer
        // persona is not on {A}'s team, so nothing of it is theirs (confidentiality: MutualFeedback tests)
        ("/MutualFeedback", "LDDDDDOODDD"),
        ("/MutualFeedback/Mine", "LOODDODDDDD"),
        ("/MutualFeedback/Rate/{A}/{R}", "LODDDDDDDDD"),
        ("/MutualFeedback/RateOrganization/{A}", "LDDDDDDDDDD"),
        ("/MutualFeedback/Application/{A}", "LDDDDDOODDD"),
        ("/MutualFeedback/Reviewer/{R}", "LDDDDDOODDD"),
        ("/api/mutual-feedback/questions", "LOOOOOOOOOO"),
        ("/api/mutual-feedback/mine", "LOODDODDDDD"),
        ("/api/mutual-feedback/applications/{A}", "LDDDDDOODDD"),
        ("/api/mutual-feedback/reviewers/{R}", "LDDDDDOODDD"),
        // 公示与异议 (office); an objection's page and the organisation's reply page need a real objection: with an unknown one
        // everyone is refused (who sees a real one: PublicNotice and Approval tests); 审定 and its work report (office; the
        // approval committee persona is checked in Approval/NoticeToAwardTests)
        ("/PublicNotice", "LDDDDDOODDD"),
        ("/PublicNotice/Preview", "LDDDDDOODDD"),
        ("/PublicNotice/Objection/0196f1a2-0000-7000-8000-000000000001", "LDDDDDDDDDD"),
        ("/PublicNotice/Reply/0196f1a2-0000-7000-8000-000000000001", "LDDDDDDDDDD"),
        ("/Approval", "LDDDDDOODOD"),
        ("/Approval?status=Undecided&category=Service&region=11&q=x&sort=for&dir=asc&p=2&size=10", "LDDDDDOODOD"),
        ("/Approval/Report", "LDDDDDOODOD"),
        // 阶段工作报告 (第九条): the review committee and the office read them; applicants, recommending bodies, reviewers,
        // the other committees and the public never see them
        ("/StageReports", "LDDDDDOOODD"),
        ("/StageReports?cycleId={C}&kind=OnSite", "LDDDDDOOODD"),
        ("/StageReports/Pdf?cycleId={C}&kind=DocumentReview", "LDDDDDOOODD"),
        ("/api/stage-reports/{C}/{T}", "LDDDDDOOODD"),
        ("/api/stage-reports/{C}/{T}/pdf", "LDDDDDOOODD"),
        // public pages: everyone, signed in or not (no notice yet: its JSON is 404; {A} holds a 2026 award, so the results page exists)
        ("/Public/Notice", "OOOOOOOOOOO"),
        ("/Public/Notice/Receipt", "OOOOOOOOOOO"),
        ("/Public/Notice/Lodged", "OOOOOOOOOOO"),
        ("/api/public/notices/current", "DDDDDDDDDDD"),
        ("/Public/Results/2026", "OOOOOOOOOOO"),
        // 标杆与证书 (office); the certificate of {A}'s award {W}: the office and the winning organisation only;
        // the winner's own page (applicants; an organisation without an award sees an empty page)
        ("/Awards", "LDDDDDOODDD"),
        ("/Awards/Details/{W}", "LDDDDDOODDD"),
        ("/Awards/Certificate/{W}", "LODDDDOODDD"),
        ("/Awards/Seal", "LDDDDDOODDD"),
        ("/Awards/Mine", "LOODDDDDDDD"),
        // 获奖后监督: the office and the leading group see every case; an organisation only its own ({S} is 甲's); the public nothing
        ("/Supervision", "LDDDDDOODDO"),
        ("/Supervision/Register", "LDDDDDOODDD"),
        ("/Supervision/Case/{S}", "LODDDDOODDO"),
        ("/Supervision/Mine", "LOODDDDDDDD"),
        ("/Supervision/Report", "LOODDDDDDDD"),
        ("/Supervision/Report/{I}", "LODDDDDDDDD"),
        ("/Supervision/Votes", "LDDDDDDDDDO"),
        // 获奖三年后确认 (第二十四条): staff see rounds and every submission; an organisation only its own ({Q} is 甲's); the public
        // only a published announcement ({U} is not published yet: nobody sees it)
        ("/Confirmation", "LDDDDDOODDO"),
        ("/Confirmation/Round/{U}", "LDDDDDOODDO"),
        ("/Confirmation/Entry/{Q}", "LODDDDOODDO"),
        ("/Confirmation/Mine", "LOODDDDDDDD"),
        ("/Confirmation/Announcement/{U}", "DDDDDDDDDDD"),
        ("/api/confirmation/due", "LDDDDDOODDO"),
        ("/api/confirmation/rounds", "LDDDDDOODDO"),
        ("/api/confirmation/rounds/{U}", "LDDDDDOODDO"),
        ("/api/confirmation/entries", "LOODDDOODDO"),
        ("/api/confirmation/entries/{Q}", "LODDDDOODDO"),
        ("/api/public/confirmations/{U}", "DDDDDDDDDDD"),
        ("/api/public/confirmations/{U}/pdf", "DDDDDDDDDDD"),
        // 确认组 (第二十四条): the groups and their opinions are confidential to the office and the leading group — never the
        // organisation; a reviewer sees only the seats they hold ({Y} is the matrix reviewer's)
        ("/Confirmation/Groups/{U}", "LDDDDDOODDO"),
        ("/Confirmation/Seats", "LDDDDODDDDD"),
        ("/Confirmation/Seat/{Y}", "LDDDDODDDDD"),
        ("/api/confirmation/rounds/{U}/groups", "LDDDDDOODDO"),
        ("/api/confirmation/entries/{Q}/opinions", "LDDDDDOODDO"),
        ("/api/confirmation/seats", "LDDDDODDDDD"),
        ("/api/confirmation/seats/{Y}", "LDDDDODDDDD"),
        // 公众投诉 (第二十七、三十二条): the office and the leading group read complaints (with the complainant's identity);
        // organisations and the public never do — the complainant sees only the status and the public outcome by receipt
        // number (ComplaintFormTests). An unknown complaint is 404 for everyone.
        ("/Complaints", "LDDDDDOODDO"),
        ("/Complaints/Details/{X}", "LDDDDDDDDDD"),
        ("/api/complaints", "LDDDDDOODDO"),
        ("/api/complaints/{X}", "LDDDDDDDDDD"),
        ("/Public/Complaints", "OOOOOOOOOOO"),
        ("/Public/Complaints/Receipt", "OOOOOOOOOOO"),
        ("/Public/Complaints/Lodged", "OOOOOOOOOOO"),
        // 监督总览 (issue 12 item 10): the office, the administrator and the leading group; lists and their Excel exports
        ("/Oversight", "LDDDDDOODDO"),
        ("/Oversight?handler=Excel&list=open-cases", "LDDDDDOODDO"),
        ("/api/oversight", "LDDDDDOODDO"),
        ("/api/oversight/late-reports", "LDDDDDOODDO"),
        ("/api/oversight/benchmarks/xlsx", "LDDDDDOODDO"),
        // the route patterns themselves (an unknown list is 404 for those let through)
        ("/api/oversight/{list}", "LDDDDDDDDDD"),
        ("/api/oversight/{list}/xlsx", "LDDDDDDDDDD"),
        // 纪律处分 (第二十八、二十九条): staff see everything; an organisation only the decided sanctions against itself ({Z} is
        // 申报组织甲's warning); nothing of it is public
        ("/Discipline", "LOODDDOODDO"),
        ("/Discipline/Sanction/{Z}", "LODDDDOODDO"),
        ("/Discipline/Propose?applicationId={A}", "LDDDDDOODDD"),
        ("/Discipline/Referral?subject=Reviewer&subjectId={R}", "LDDDDDOODDD"),
        ("/api/discipline/sanctions", "LOODDDOODDO"),
        ("/api/discipline/sanctions/{Z}", "LODDDDOODDO"),
        ("/api/discipline/referrals", "LDDDDDOODDO"),
        ("/api/supervision/cases", "LOODDDOODDO"),
        ("/api/supervision/cases/{S}", "LODDDDOODDO"),
        ("/api/supervision/incidents", "LOODDDOODDO"),
        // 获奖后承诺 (第二十三条): the office, the administrator and the leading group read every benchmark's goals and reports;
        // a winner only its own ({W} is 甲's benchmark: 戊 does not learn of it); nobody else anything
        ("/Commitments", "LDDDDDOODDO"),
        ("/Commitments/Mine", "LOODDDDDDDD"),
        ("/Commitments/Report/{W}/2026", "LODDDDOODDO"),
        ("/api/commitments", "LOODDDOODDO"),
        ("/api/commitments/{W}", "LODDDDOODDO"),
        // 经验交流与推广 (第二十五、三十一条): the office runs events and reviews cases; a winner answers its own invitations ({B} is
        // 甲's) and keeps its own cases ({H}); another organisation does not learn of them; the public page is for everyone
        ("/Sharing", "LDDDDDOODDD"),
        ("/Sharing/Event/{E}", "LDDDDDOODDD"),
        ("/Sharing/Review/{H}", "LDDDDDOODDD"),
        ("/Sharing/Mine", "LOODDDDDDDD"),
        ("/Sharing/Answer/{B}", "LODDDDDDDDD"),
        ("/Sharing/Practice/{H}", "LODDDDDDDDD"),
        ("/Public/Practices", "OOOOOOOOOOO"),
        ("/api/sharing/events", "LDDDDDOODDD"),
        ("/api/sharing/events/{E}", "LDDDDDOODDD"),
        ("/api/sharing/invitations", "LOODDDDDDDD"),
        ("/api/sharing/practices", "LOODDDOODDD"),
        ("/api/sharing/practices/{H}", "LODDDDOODDD"),
        // 领导小组 (第七条): the office and the leading group read decisions and rulings; the committees also their composition
        ("/Governance", "LDDDDDOODDO"),
        ("/Governance/Rulings", "LDDDDDOODDO"),
        ("/Governance/Committees", "LDDDDDOOOOO"),
        ("/api/governance/decisions", "LDDDDDOODDO"),
        ("/api/governance/rulings", "LDDDDDOODDO"),
        ("/api/governance/citations?caseId={S}", "LDDDDDOODDO"),
        ("/api/governance/committees/{C}", "LDDDDDOOOOO"),
        // public pages and their JSON (no login): the registry and certificate verification ({N} = number?code=…)
        ("/Public/Benchmarks", "OOOOOOOOOOO"),
        ("/Public/Verify", "OOOOOOOOOOO"),
        ("/Public/Verify/{N}", "OOOOOOOOOOO"),
        ("/api/public/benchmarks", "OOOOOOOOOOO"),
        // every signed-in person
        ("/Notifications/Inbox", "LOOOOOOOOOO"),
        ("/Accounts/Manage", "LOOOOOOOOOO"),
        ("/Accounts/TwoFactorSetup", "LOOOOOOOOOO"),
        ("/api/inbox", "LOOOOOOOOOO"),
        ("/api/cycles", "LOOOOOOOOOO"),
        ("/api/cycles/current", "LOOOOOOOOOO"),
        ("/api/recommending-bodies", "LOOOOOOOOOO"),
        ("/api/calendar/workdays?from=2026-09-24&days=7&countStart=true", "LOOOOOOOOOO"),
        ("/api/calendar/days/2026-10-10", "LOOOOOOOOOO"),
        // the API of what only pages did before: 评价准则, 标杆与证书, 审定, 公示与异议, 反馈报告 (office; the winner's certificate;
        // the approval committee reads the round). No notice yet, so the office's notice and objection reads are 404 too.
        ("/api/criteria", "LDDDDDOODDD"),
        ("/api/criteria/{V}", "LDDDDDOODDD"),
        ("/api/awards", "LDDDDDOODDD"),
        ("/api/awards/{W}", "LDDDDDOODDD"),
        // 标杆名单的导出 (carries contacts): office only
        ("/Awards/Export", "LDDDDDOODDD"),
        ("/api/awards/export", "LDDDDDOODDD"),
        ("/api/awards/{W}/certificate", "LODDDDOODDD"),
        ("/api/public/certificates/{N}", "OOOOOOOOOOO"),
        ("/api/approval", "LDDDDDOODOD"),
        ("/api/approval?status=Approved&industry=C&q=x&sort=name&p=2&size=10", "LDDDDDOODOD"),
        ("/api/notices/current", "LDDDDDDDDDD"),
        ("/api/notices/current/objections", "LDDDDDDDDDD"),
        ("/api/objections/{X}", "LDDDDDDDDDD"),
        ("/api/objections/{X}/reply", "LDDDDDDDDDD"),
        ("/api/document-review/feedback/cycles/{C}", "LDDDDDOODDD"),
        ("/api/document-review/feedback/cycles/{C}/export", "LDDDDDOODDD"),
    ];

    /// <summary>Routes open to everyone or reached only through a link with a token (tested in their features).</summary>
    private static readonly string[] Public =
    [
        "/", "/Error", "/Account/", "/openapi/", "/scalar/", "/api/antiforgery", "/Index", "/Notifications/Inbox/{id:guid}", "/api/inbox/",
        // downloads of a reviewer's own certificate are checked per profile in ReviewerAccessTests
        "/Reviewers/Files/{fileId:guid}",
        // anonymous 公示 pages, the objection form and the public JSON (content and confidentiality: PublicNotice and Approval tests)
        "/Public/Notice/", "/Public/Results/", "/api/public/",
    ];

    [Fact]
    public async Task Every_persona_reaches_exactly_the_pages_and_API_reads_it_may()
    {
        var world = await app.WorldAsync();
        var wrong = await RunAsync(world, Reads.Select(r => new Row("GET", r.Route, null, r.Expected)).ToList(), ClassifyRead);
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Every_persona_is_let_through_or_refused_on_each_write_as_the_matrix_says()
    {
        var world = await app.WorldAsync();
        var wrong = await RunAsync(world, Writes, ClassifyWrite);
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_GET_endpoint_has_a_row_in_the_matrix()
    {
        var routes = Routes(methods => methods?.Contains("GET") != false);
        Assert.Contains(routes, r => r.StartsWith("/Applications/Details/", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.StartsWith("/api/applications/", StringComparison.Ordinal));
        var covered = Reads.Select(m => Normalise(m.Route)).ToHashSet();
        var missing = routes.Where(r => !covered.Contains(Normalise(r)) && !IsPublic(r)).ToList();
        Assert.True(missing.Count == 0, "Add these endpoints to the authorization matrix: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_API_write_endpoint_has_a_row_in_the_matrix()
    {
        var writes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != "GET" && m != "HEAD")
                .Select(m => $"{m} /" + (e.RoutePattern.RawText ?? "").TrimStart('/')))
            .Where(r => r.Contains(" /api/", StringComparison.Ordinal) && !r.Contains(" /api/account", StringComparison.OrdinalIgnoreCase)
                && !r.Contains(" /api/users", StringComparison.OrdinalIgnoreCase) && !r.Contains(" /api/invitations", StringComparison.OrdinalIgnoreCase))
            .Distinct().ToList();
        Assert.Contains(writes, r => r.StartsWith("POST /api/approval/", StringComparison.Ordinal));
        var covered = Writes.Select(w => w.Method + " " + Normalise(w.Route)).ToHashSet();
        var missing = writes.Where(w => !covered.Contains(w.Split(' ')[0] + " " + Normalise(w.Split(' ')[1]))).ToList();
        Assert.True(missing.Count == 0, "Add these write endpoints to the authorization matrix: " + string.Join(", ", missing));
    }

    /// <summary>One request per persona and row; the personas run side by side, each on its own client, in row order.</summary>
    private static async Task<List<string>> RunAsync(MatrixWorld world, IReadOnlyList<Row> rows, Func<HttpResponseMessage, char> classify)
    {
        var perPersona = await Task.WhenAll(world.Clients.Select(async (client, i) =>
        {
            var wrong = new List<string>();
            foreach (var row in rows)
            {
                using var response = await client.NoRedirects.SendAsync(Request(world, row));
                var got = classify(response);
                if (got != row.Expected[i])
                    wrong.Add($"{row.Method} {row.Route} 〔{Cast11[i]}〕 expected {row.Expected[i]} got {got} ({(int)response.StatusCode})");
            }
            return wrong;
        }));
        return perPersona.SelectMany(w => w).ToList();
    }

    private static HttpRequestMessage Request(MatrixWorld world, Row row)
    {
        var request = new HttpRequestMessage(new HttpMethod(row.Method), world.Url(row.Route));
        if (row.Method == "GET") return request;
        request.Content = row.Body switch
        {
            // pages: a form with nothing but stale versions, so that an action which passes the gate is refused on its
            // content and leaves the shared world as it was (the person's antiforgery token travels in the X-CSRF-TOKEN header)
            null => new FormUrlEncodedContent(StaleVersions),
            "multipart" => new MultipartFormDataContent { { new StringContent(""), "note" } },
            _ => new StringContent(world.Url(row.Body), System.Text.Encoding.UTF8, "application/json"),
        };
        return request;
    }

    private static readonly KeyValuePair<string, string>[] StaleVersions =
        [new("Version", "-1"), new("Input.Version", "-1"), new("PostedVersion", "-1"), new("CaseVersion", "-1"), new("IncidentVersion", "-1")];

    private List<string> Routes(Func<IReadOnlyList<string>?, bool> method) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => method(e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct().ToList();

    private static bool IsPublic(string route) =>
        Public.Any(p => route == p || (p.Length > 1 && p.EndsWith('/') && route.StartsWith(p, StringComparison.OrdinalIgnoreCase)));

    private static string Normalise(string route)
    {
        var path = route.Split('?')[0].TrimEnd('/');
        var parts = path.Split('/').Select(s => s.StartsWith('{') || Guid.TryParse(s, out _) || int.TryParse(s, out _)
            || DateOnly.TryParse(s, out _) || s.Contains('.') || s == "Enterprise" ? "*" : s.ToLowerInvariant());
        return string.Join('/', parts).Replace("/index", "");
    }

    private static char ClassifyRead(HttpResponseMessage r)
    {
        var location = r.Headers.Location?.ToString() ?? "";
        return r.StatusCode switch
        {
            HttpStatusCode.OK => 'O',
            HttpStatusCode.Unauthorized => 'L',
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => 'D',
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => 'L',
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => 'D',
            HttpStatusCode.Redirect or HttpStatusCode.Found => 'R',
            _ => '?',
        };
    }

    private static char ClassifyWrite(HttpResponseMessage r)
    {
        var location = r.Headers.Location?.ToString() ?? "";
        return r.StatusCode switch
        {
            >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous => 'O',
            HttpStatusCode.Unauthorized => 'L',
            HttpStatusCode.Forbidden => 'F',
            HttpStatusCode.NotFound => 'N',
            HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity => 'V',
            HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => 'L',
            HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => 'F',
            HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther => 'R',
            _ => '?',
        };
    }

    private sealed record Row(string Method, string Route, string? Body, string Expected);
}
