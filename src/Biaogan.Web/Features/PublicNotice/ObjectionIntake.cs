using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.PublicNotice;

/// <summary>
/// Receives an objection from the public page: refuses late ones with the deadline (and counts them), takes the
/// next receipt number, stores the evidence through <see cref="FileStore"/> (content-checked) and queues the receipt mail.
/// </summary>
public sealed class ObjectionIntake(AppDbContext db, NoticeWorkflow workflow, FileStore files, TimeProvider clock)
{
    public const int MaxFiles = 5;
    public const int MaxFileMb = 10;
    public static readonly string[] EvidenceKinds = ["pdf", "jpg", "png", "docx"];

    public async Task<Objection> LodgeAsync(PublicNotice notice, ObjectionInput input, IAsyncEnumerable<EvidenceUpload> evidence,
        Func<string, string> lookupLink, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var entry = notice.Entries.FirstOrDefault(e => e.ApplicationId == input.ApplicationId)
            ?? throw new DomainRuleException("请从公示名单中选择被异议的组织。");
        if (notice.PhaseAt(now) == NoticePhase.Closed)
        {
            db.Add(new LateObjection(notice, entry.OrganizationName, now));
            await db.SaveChangesAsync(ct);
            throw new DomainRuleException($"公示期已于 {notice.DeadlineText} 截止，逾期提出的异议不予受理。");
        }
        if (!input.Declaration) throw new DomainRuleException("请勾选真实性声明：所填信息和提交的材料真实、准确，并愿意承担相应责任。");
        var objection = new Objection(notice, entry, await workflow.NextReceiptNumberAsync(notice.Year, ct), input.Kind, input.Name ?? "",
            input.UnitName, input.IdLast4, input.Phone ?? "", input.Email, input.Grounds ?? "", now);
        db.Add(objection);
        await files.SaveAllAsync(evidence, new UploadRequest(ObjectionModel.EvidenceOwner, objection.Id, "异议证明材料", "", EvidenceKinds,
            MaxFileMb * 1024L * 1024), MaxFiles, ct);
        await ReceiptNumbers.SaveTakingNextNumberAsync(db,
            () => workflow.MailReceiptAsync(objection, lookupLink(objection.ReceiptNumber), ct),
            async () => objection.Renumber(await workflow.NextReceiptNumberAsync(notice.Year, ct)), ct);
        return objection;
    }
}
