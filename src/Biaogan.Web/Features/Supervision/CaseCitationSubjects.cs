using Biaogan.Web.Features.Governance;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Supervision;

/// <summary>Lets the office cite a leading-group ruling from a supervision case (Governance's hook).</summary>
public sealed class CaseCitationSubjects(AppDbContext db) : ICitationSubjects
{
    public async Task<string?> PathAsync(string subjectType, Guid subjectId, CancellationToken ct) =>
        subjectType == RulingCitation.SupervisionCase && await db.Set<SupervisionCase>().AnyAsync(c => c.Id == subjectId, ct)
            ? $"/Supervision/Case/{subjectId}" : null;
}
