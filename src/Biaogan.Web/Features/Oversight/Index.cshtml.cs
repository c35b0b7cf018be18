using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features.Oversight;

/// <summary>领导小组总览: every list of <see cref="OversightBoard"/> as a table with its Excel export.</summary>
[Authorize(Policy = Policies.SupervisionStaff)]
public sealed class IndexModel(OversightBoard board, TimeProvider clock) : PageModel
{
    public IReadOnlyList<OversightList> Lists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Lists = await board.AllAsync(ct);

    public async Task<IActionResult> OnGetExcelAsync(string? list, CancellationToken ct) =>
        await board.ListAsync(list ?? "", ct) is { } l
            ? File(OversightExcel.Write(l), OversightExcel.ContentType, OversightExcel.FileName(l, clock.Today()))
            : NotFound();
}
