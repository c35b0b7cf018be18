using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Complaints;

/// <summary>
/// The office's handling of a complaint about a company that is not a benchmark (a benchmark's complaint is handled in its
/// supervision case): investigation notes and the conclusion with the outcome told to the complainant. The workflow saves.
/// </summary>
public sealed class ComplaintOffice(AppDbContext db, CurrentActor actor, TimeProvider clock)
{
    public Task<Complaint?> NoteAsync(Guid id, int? version, string? text, CancellationToken ct) =>
        ChangeAsync(id, version, c => c.AddNote(text, actor.Name, clock.GetUtcNow()), ct);

    public Task<Complaint?> ConcludeAsync(Guid id, int? version, string? finding, string? publicOutcome, CancellationToken ct) =>
        ChangeAsync(id, version, c => c.Conclude(finding, publicOutcome, actor.Name, clock.GetUtcNow()), ct);

    private async Task<Complaint?> ChangeAsync(Guid id, int? version, Action<Complaint> apply, CancellationToken ct)
    {
        var c = await db.Set<Complaint>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        await db.SaveWithVersionAsync(c, version, apply, ct);
        return c;
    }
}
