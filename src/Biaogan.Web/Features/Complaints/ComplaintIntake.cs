using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Complaints;

/// <summary>
/// Receives a complaint from the public page or API: the next receipt number, the evidence through <see cref="FileStore"/>
/// (checked by content), a supervision case of kind Complaint when a benchmark is concerned — all in one save, with the
/// office's notice and the complainant's receipt mail.
/// </summary>
public sealed class ComplaintIntake(AppDbContext db, CaseWorkflow cases, FileStore files, Notifier notifier, UserManager<AppUser> users,
    TimeProvider clock)
{
    public const int MaxFiles = 5;
    public const int MaxFileMb = 10;
    public const string EvidenceOwner = "Complaint";
    public static readonly string[] EvidenceKinds = ["pdf", "jpg", "png", "docx"];

    public async Task<Complaint> LodgeAsync(ComplaintInput input, IAsyncEnumerable<EvidenceUpload> evidence, Func<string, string> lookupLink,
        CancellationToken ct = default)
    {
        if (!input.Declaration) throw new DomainRuleException("请勾选真实性声明：所填信息和提交的材料真实、准确，并愿意承担相应责任。");
        if (input.Subject == ComplaintSubject.Benchmark && input.AwardId is null) throw new DomainRuleException("请从标杆名录中选择被投诉的标杆组织。");
        Award? award = null;
        if (input.AwardId is { } awardId)
            award = await db.Set<Award>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == awardId && a.Status != AwardStatus.Revoked, ct)
                ?? throw new DomainRuleException("所选组织不在标杆名录中（可能已被撤销称号）。请重新选择；不在名录中的，请填写企业名称。");
        var now = clock.GetUtcNow();
        var complaint = new Complaint(await NextNumberAsync(ct), input.Subject, input.MisuseKind, award?.Id, award?.OrganizationId,
            award?.OrganizationName ?? input.CompanyName ?? "", input.Name ?? "", input.UnitName, input.Phone ?? "", input.Email, input.Grounds ?? "", now);
        db.Add(complaint);
        await files.SaveAllAsync(evidence, new UploadRequest(EvidenceOwner, complaint.Id, "投诉证明材料", "", EvidenceKinds, MaxFileMb * 1024L * 1024),
            MaxFiles, ct);
        await ReceiptNumbers.SaveTakingNextNumberAsync(db, async () =>
            {
                if (award is not null)
                {
                    var opened = await cases.NewAsync(CaseKind.Complaint, award.Id, complaint.CaseTitle, ct);
                    complaint.OpenedAsCase(opened.Id, opened.Number);
                }
                await NotifyAsync(complaint, lookupLink(complaint.ReceiptNumber), ct);
            },
            async () => complaint.Renumber(await NextNumberAsync(ct)), ct);
        return complaint;
    }

    private Task<string> NextNumberAsync(CancellationToken ct) =>
        ReceiptNumbers.NextAsync(db.Set<Complaint>().AsNoTracking().Select(c => c.ReceiptNumber), $"TS-{clock.Now().Year}-", 4, ct);

    /// <summary>The office is told at once (站内信 and e-mail); the complainant gets the receipt when an e-mail was given.</summary>
    private async Task NotifyAsync(Complaint c, string lookupLink, CancellationToken ct)
    {
        var values = new Dictionary<string, string>
        {
            ["受理编号"] = c.ReceiptNumber, ["投诉事项"] = Complaint.SubjectDisplay(c.Subject, c.MisuseKind), ["涉及组织"] = c.CompanyName,
            ["是否标杆"] = c.ConcernsBenchmark ? $"标杆组织，已立为监督案件 {c.CaseNumber}" : "不是标杆组织（由活动办公室直接办理）",
            ["受理时间"] = ChinaTime.Format(c.ReceivedAt),
        };
        await notifier.NotifyAsync(DefaultTemplates.ComplaintReceived, await users.GetUsersInRoleAsync(Roles.Office), values,
            $"/Complaints/Details/{c.Id}", ct);
        if (c.Email is { } email)
            await notifier.MailAsync(DefaultTemplates.ComplaintReceipt, email, c.ComplainantName,
                new Dictionary<string, string>(values) { ["链接"] = lookupLink }, ct);
    }
}
