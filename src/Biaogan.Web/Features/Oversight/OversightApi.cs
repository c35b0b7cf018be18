using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Features.Oversight;

/// <summary>/api/oversight — the leading group's overview lists over JSON and as Excel (office, administrator, leading group).</summary>
public static class OversightApi
{
    public static void MapOversightApi(this WebApplication app)
    {
        var api = app.MapApi("/oversight", "领导小组总览");
        api.MapGet("", (OversightBoard board, CancellationToken ct) => board.AllAsync(ct)).RequireAuthorization(Policies.SupervisionStaff)
            .WithSummary("总览：标杆数量（按年度和状态）、标杆名单、到期确认、未结监督案件及期限、逾期未交的报告");
        api.MapGet("/{list}", async Task<Results<Ok<OversightList>, NotFoundProblem>> (string list, OversightBoard board, CancellationToken ct) =>
                await board.ListAsync(list, ct) is { } l ? TypedResults.Ok(l) : Unknown())
            .RequireAuthorization(Policies.SupervisionStaff).WithSummary("总览中的一个列表（list：by-status、benchmarks、confirmations-due、open-cases、late-reports）");
        api.MapGet("/{list}/xlsx", async Task<Results<FileContentHttpResult, NotFoundProblem>> (string list, OversightBoard board, TimeProvider clock,
                CancellationToken ct) =>
                await board.ListAsync(list, ct) is { } l
                    ? TypedResults.File(OversightExcel.Write(l), OversightExcel.ContentType, OversightExcel.FileName(l, clock.Today()))
                    : Unknown())
            .RequireAuthorization(Policies.SupervisionStaff).WithSummary("把总览中的一个列表导出为 Excel（.xlsx）");
    }

    private static NotFoundProblem Unknown() =>
        new("未找到", "没有这个列表。可用的列表：by-status、benchmarks、confirmations-due、open-cases、late-reports。");
}
