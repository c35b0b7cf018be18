using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Public.Notice;

/// <summary>Receipt lookup of an objection: the status and the conclusion text the office marked as publishable — nothing else.</summary>
[EnableRateLimiting(RateLimitPolicies.Objection)]
public sealed class ReceiptModel(AppDbContext db) : ReceiptLookupModel
{
    public override string What => "异议";
    public override string Example => "YY-2026-0001";

    protected override async Task<(string Number, IReadOnlyList<ReceiptLine> Lines)?> FindAsync(string number, string phone, CancellationToken ct)
    {
        var o = await db.Set<Objection>().AsNoTracking().Where(x => x.ReceiptNumber == number && x.Phone == phone)
            .Select(x => new { x.ReceiptNumber, x.OrganizationName, x.Status, x.PublicConclusion }).FirstOrDefaultAsync(ct);
        if (o is null) return null;
        List<ReceiptLine> lines = [new("涉及组织", o.OrganizationName), new("办理状态", Objection.StatusDisplay(o.Status), Strong: true)];
        if (o.Status == ObjectionStatus.Concluded && o.PublicConclusion is { } text) lines.Add(new("办理结果", text));
        return (o.ReceiptNumber, lines);
    }
}
