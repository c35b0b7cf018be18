using Biaogan.Web.Features.Complaints;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.RateLimiting;

namespace Biaogan.Web.Features.Public.Complaints;

/// <summary>Receipt lookup of a complaint: 已受理 / 调查中 / 已办结 and, once concluded, the public outcome only.</summary>
[EnableRateLimiting(RateLimitPolicies.Complaint)]
public sealed class ReceiptModel(AppDbContext db) : ReceiptLookupModel
{
    public override string What => "投诉";
    public override string Example => "TS-2026-0001";

    protected override async Task<(string Number, IReadOnlyList<ReceiptLine> Lines)?> FindAsync(string number, string phone, CancellationToken ct)
    {
        if (await ComplaintViews.LookUpAsync(db, number, phone, ct) is not { } s) return null;
        List<ReceiptLine> lines = [new("投诉事项", s.Subject), new("涉及组织", s.Company), new("办理状态", s.Status, Strong: true)];
        if (s.Outcome is { } outcome) lines.Add(new("办理结果", outcome));
        return (s.ReceiptNumber, lines);
    }
}
