using Biaogan.Web.Features.Awards;
using Biaogan.Web.Features.Supervision;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Oversight;

/// <summary>One row of an overview list: its cells in column order and, when there is one, the page it links to.</summary>
public sealed record OversightRow(IReadOnlyList<object?> Cells, string? Link);

/// <summary>One list of the overview, shown as a table and exported as a workbook with the same columns.</summary>
public sealed record OversightList(string Key, string Title, string Empty, IReadOnlyList<string> Columns, IReadOnlyList<OversightRow> Rows);

/// <summary>
/// The leading group's view (issue 12 item 10): benchmarks by status and year, the confirmations due, open supervision
/// cases with their deadlines and the reports past due — every list built here once, for the page, the API and Excel.
/// </summary>
public sealed class OversightBoard(AppDbContext db, TimeProvider clock, ConfirmationDue due, IEnumerable<ILateReports> lateReports)
{
    public const string Benchmarks = "benchmarks";
    public const string ByStatus = "by-status";
    public const string ConfirmationsDue = "confirmations-due";
    public const string OpenCases = "open-cases";
    public const string LateReports = "late-reports";
    public static readonly string[] Keys = [ByStatus, Benchmarks, ConfirmationsDue, OpenCases, LateReports];

    public async Task<IReadOnlyList<OversightList>> AllAsync(CancellationToken ct)
    {
        var lists = new List<OversightList>();
        foreach (var key in Keys) lists.Add((await ListAsync(key, ct))!);
        return lists;
    }

    /// <summary>One list by its key; null for an unknown key.</summary>
    public async Task<OversightList?> ListAsync(string key, CancellationToken ct) => key switch
    {
        ByStatus => StatusByYear(await AwardsAsync(ct)),
        Benchmarks => AllBenchmarks(await AwardsAsync(ct)),
        ConfirmationsDue => Due(await AwardsAsync(ct)),
        OpenCases => await CasesAsync(ct),
        LateReports => await LateAsync(ct),
        _ => null,
    };

    private Task<List<Award>> AwardsAsync(CancellationToken ct) =>
        db.Set<Award>().AsNoTracking().OrderByDescending(a => a.Year).ThenBy(a => a.CertificateNumber).ToListAsync(ct);

    private static OversightList StatusByYear(List<Award> awards)
    {
        var statuses = Enum.GetValues<AwardStatus>();
        var rows = awards.GroupBy(a => a.Year).OrderByDescending(g => g.Key)
            .Select(g => new OversightRow([g.Key, .. statuses.Select(s => (object?)g.Count(a => a.Status == s)), g.Count()], null)).ToList();
        return new OversightList(ByStatus, "标杆数量（按年度和状态）", "尚未授予标杆称号。",
            ["年度", .. statuses.Select(Award.StatusDisplay), "合计"], rows);
    }

    private OversightList AllBenchmarks(List<Award> awards) => new(Benchmarks, "标杆名单", "尚未授予标杆称号。",
        ["年度", "组织", "类别", "证书编号", "状态", "应确认日期"],
        awards.Select(a => new OversightRow([a.Year, a.OrganizationName, a.CategoryText, a.CertificateNumber, Award.StatusDisplay(a.Status),
            ChinaTime.Format(due.DueOn(a))], $"/Awards/Details/{a.Id}")).ToList());

    private OversightList Due(List<Award> awards)
    {
        var today = clock.Today();
        return new OversightList(ConfirmationsDue, $"到期确认（截至 {ChinaTime.Format(today)} 已到期、尚未开始确认的标杆）", "目前没有到期需要确认的标杆。",
            ["组织", "获奖年度", "证书编号", "应确认日期", "状态"],
            awards.Where(a => a.Status == AwardStatus.Valid && a.ConfirmedAt is null && due.IsDue(a, today)).OrderBy(a => a.Year)
                .Select(a => new OversightRow([a.OrganizationName, a.Year, a.CertificateNumber, ChinaTime.Format(due.DueOn(a)),
                    Award.StatusDisplay(a.Status)], $"/Awards/Details/{a.Id}")).ToList());
    }

    /// <summary>Open cases; an incident case's deadline is its written report's due date while the report is not filed.</summary>
    private async Task<OversightList> CasesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cases = await db.Set<SupervisionCase>().AsNoTracking().Where(c => c.Status != CaseStatus.Decided).OrderBy(c => c.OpenedAt).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var incidents = await db.Set<Incident>().AsNoTracking().Where(i => ids.Contains(i.CaseId)).ToDictionaryAsync(i => i.CaseId, ct);
        return new OversightList(OpenCases, "未结监督案件", "目前没有未结的监督案件。",
            ["案件编号", "类型", "组织", "案由", "状态", "立案日期", "期限", "逾期天数"],
            cases.Select(c =>
            {
                var incident = incidents.GetValueOrDefault(c.Id);
                var due = incident is { IsReported: false } ? incident.DueOn : (DateOnly?)null;
                return new OversightRow([c.Number, SupervisionCase.KindDisplay(c.Kind), c.OrganizationName, c.Title, SupervisionCase.StatusDisplay(c.Status),
                    ChinaTime.Format(DateOnly.FromDateTime(c.OpenedAt.ToChina().DateTime)), due is { } d ? $"书面报告 {ChinaTime.Format(d)}" : "—",
                    due is not null ? incident!.DaysLate(now) : 0], $"/Supervision/Case/{c.Id}");
            }).ToList());
    }

    private async Task<OversightList> LateAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = new List<LateReport>();
        foreach (var source in lateReports) all.AddRange(await source.LateAsync(now, ct));
        return new OversightList(LateReports, "逾期未交的报告", "目前没有逾期未交的报告。", ["报告", "组织", "事项", "截止日期", "逾期天数"],
            all.OrderByDescending(r => r.DaysLate)
                .Select(r => new OversightRow([r.Kind, r.Organization, r.What, ChinaTime.Format(r.DueOn), r.DaysLate], r.Link)).ToList());
    }
}
