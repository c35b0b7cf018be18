using Biaogan.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.Commitments;

/// <summary>进展报告一览 for the office, the administrator and the leading group: every report the benchmarks owe, who is late first.</summary>
[Authorize(Policy = Policies.SupervisionStaff)]
public sealed class IndexModel(CommitmentRecords records) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Late { get; set; }

    public IReadOnlyList<ReportLine> Lines { get; private set; } = [];
    public IReadOnlyList<ReportLine> Overdue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Overdue = (await records.OverdueAsync(ct)).OrderByDescending(l => l.DaysLate).ToList();
        Lines = await records.LinesAsync(User, Late, ct);
    }
}
