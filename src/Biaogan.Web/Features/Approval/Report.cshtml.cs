using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Approval;

/// <summary>The year's 评审工作报告 as a Chinese PDF, for the approval committee and the office.</summary>
[Authorize(Policy = Policies.ApprovalCommittee)]
public sealed class ReportModel(AppDbContext db, TimeProvider clock, StageReports.StageReportWorkflow stageReports) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cycle = await db.Set<Cycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Status == CycleStatus.Open, ct);
        if (cycle is null) return NotFound();
        var data = await WorkReport.BuildAsync(db, cycle, clock.GetUtcNow(), stageReports, ct);
        return File(PdfWriter.Render(WorkReport.Document(data)), "application/pdf", $"{cycle.Year}年度评审工作报告.pdf");
    }
}
