using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.Reviewers;
using Biaogan.Web.Features.Qualification;
using Biaogan.Web.Features.Recommendations;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Demo;

/// <summary>
/// Demo data on the first start of an empty database in development (Demo:Seed=true): the 2026 cycle,
/// recommending bodies, organisations at different stages, office staff, the appointed reviewer pool, expert groups
/// at every step of 资料评审 (to declare, scoring, agreed consensus) and committee members. Never runs in production, whatever the configuration says.
/// </summary>
internal sealed partial class DemoSeeder(
    AppDbContext db, UserManager<AppUser> users, IHostEnvironment env, IConfiguration config,
    TimeProvider clock, CurrentActor actor, DemoLogins logins, StartupBanner banner, FileStore files,
    ApplicationWorkflow applications, RecommendationWorkflow recommendations, QualificationWorkflow qualification,
    ReviewerAccounts reviewerAccounts, AssignmentInputs assignmentInputs, AssignmentPlans assignmentPlans,
    ScoringWorkflow scoring, ConsensusWorkflow consensus, DocumentReview.Shortlist.ShortlistWorkflow shortlist,
    StageReports.StageReportWorkflow stageReports) : ISeeder
{
    public const string Password = "Demo2026pass";

    public int Order => 100;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (env.IsProduction() || !config.GetValue("Demo:Seed", false)) return;
        if (await db.Set<Organization>().AnyAsync(ct))
        {
            await RememberLoginsAsync(ct);
            return;
        }
        actor.ActAs(null, "演示数据");
        var now = clock.GetUtcNow();

        var closed = new Cycle(2025, now);
        closed.ApproveRules("领导小组", now);
        closed.Open(false, now);
        closed.Close(now);
        var cycle = new Cycle(2026, now);
        SetDemoStages(cycle);
        // A small demo pool: groups of three read more naturally than the default five with six reviewers.
        cycle.Settings.ReviewGroupSize = 3;
        var decisions = LeadingGroupDecisions(cycle, now);
        cycle.Open(false, now);
        db.AddRange(closed, cycle);
        db.AddRange(decisions);
        await db.SaveChangesAsync(ct);

        await StaffAsync(ct);
        await GovernanceAsync(cycle, now, ct);
        var bodies = await BodiesAsync(now, ct);
        await ApplicationsAsync(cycle, bodies, now, ct);
        await DocumentReviewAsync(cycle, ct);
        await DemoDiscipline.SeedAsync(db, cycle, now, ct);
        await StageReportAsync(cycle, ct);
        await RememberLoginsAsync(ct);
    }

    /// <summary>The 2026 timeline around today (late November 2026) so that every stage has something to show.</summary>
    internal static void SetDemoStages(Cycle cycle)
    {
        (string Code, DateOnly Start, DateOnly? End)[] dates =
        [
            (CycleStage.Application, new(2026, 9, 1), new(2026, 12, 18)),
            (CycleStage.Qualification, new(2026, 11, 2), new(2027, 1, 15)),
            (CycleStage.DocumentReview, new(2027, 1, 18), new(2027, 3, 12)),
            (CycleStage.OnSiteReview, new(2027, 3, 15), new(2027, 5, 28)),
            (CycleStage.Evaluation, new(2027, 6, 1), new(2027, 6, 18)),
            (CycleStage.PublicNotice, new(2027, 6, 21), null),
            (CycleStage.Approval, new(2027, 7, 5), new(2027, 7, 23)),
        ];
        foreach (var (code, start, end) in dates)
        {
            var stage = cycle.Stage(code)!;
            stage.StartDate = start;
            stage.EndDate = end;
        }
    }

    private async Task StaffAsync(CancellationToken ct)
    {
        await PersonAsync("孙志强", "admin@demo.biaogan.cn", [Roles.Admin], "系统管理员", ct);
        await PersonAsync("赵敏", "office@demo.biaogan.cn", [Roles.Office], "活动办公室（资格审查）", ct);
        await PersonAsync("钱学军", "reviewer1@demo.biaogan.cn", [Roles.Reviewer], "评审员", ct);
        await PersonAsync("周雅琴", "reviewer2@demo.biaogan.cn", [Roles.Reviewer], "评审员", ct);
        await PersonAsync("吴国栋", "committee@demo.biaogan.cn", [Roles.ReviewCommittee], "评审委员会委员", ct);
        await PersonAsync("郑立新", "approval@demo.biaogan.cn", [Roles.ApprovalCommittee], "审定委员会委员", ct);
        await PersonAsync("王海峰", "leader@demo.biaogan.cn", [Roles.LeadingGroup], "领导小组成员", ct);
    }

    private async Task<AppUser> PersonAsync(string name, string email, string[] roles, string note, CancellationToken ct,
        Guid? organizationId = null, Guid? bodyId = null)
    {
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
            OrganizationId = organizationId, RecommendingBodyId = bodyId, CreatedAt = clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRolesAsync(user, roles));
        return user;
    }

    private async Task RememberLoginsAsync(CancellationToken ct)
    {
        if (logins.All.Count > 0) return;
        var demoUsers = await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@demo.biaogan.cn"))
            .OrderBy(u => u.CreatedAt).ToListAsync(ct);
        foreach (var u in demoUsers)
        {
            var roles = await users.GetRolesAsync(u);
            var role = string.Join("、", roles.Select(Roles.Display));
            var note = roles.Any(r => Roles.RequireTwoFactor.Contains(r)) ? "首次登录需绑定身份验证器（TOTP）" : await NoteAsync(u, ct);
            logins.All.Add(new DemoLogins.Login(role, u.DisplayName, u.Email!, Password, note));
        }
        banner.Lines.Add("演示账号（密码均为 " + Password + "）：");
        banner.Lines.AddRange(logins.All.Select(l => $"  {l.Email,-28} {l.Name}（{l.Role}）{(l.Note.Length > 0 ? "　" + l.Note : "")}"));
    }

    private async Task<string> NoteAsync(AppUser u, CancellationToken ct)
    {
        if (u.OrganizationId is { } org)
            return await db.Set<Organization>().Where(o => o.Id == org).Select(o => o.Name).FirstAsync(ct);
        if (u.RecommendingBodyId is { } body)
            return await db.Set<RecommendingBody>().Where(b => b.Id == body).Select(b => b.Name).FirstAsync(ct);
        return await ReviewerNoteAsync(u.Id, ct);
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("；", r.Errors.Select(e => e.Description)));
    }
}
