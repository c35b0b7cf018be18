using BenchmarkDotNet.Attributes;
using Biaogan.Web.Features.Approval;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Infrastructure.Pdf;

namespace Biaogan.Bench.Approval;

/// <summary>
/// Issue 4 benchmark: printing the year's 评审工作报告 for the approval committee (<see cref="WorkReport.Document"/>) —
/// nine stage counts per category, the objection figures, one organisation removed after a sustained objection and a
/// list of ten recommended organisations (the 第五条 quota) — against a baseline of the same number of pages with one
/// line each. The mean of <see cref="WorkReportPdf"/> is milliseconds per report.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class WorkReportPdfBenchmarks
{
    private PdfDocument report = null!, baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        report = WorkReport.Document(Sample());
        var pages = PdfBaseline.Pages(report);
        baseline = PdfBaseline.OneLinePerPage(pages);
        Console.WriteLine($"// work report: {pages} pages");
    }

    [Benchmark(Baseline = true)]
    public int OneLinePerPage() => PdfWriter.Render(baseline, Stream.Null);

    [Benchmark]
    public int WorkReportPdf() => PdfWriter.Render(report, Stream.Null);

    public static WorkReportData Sample()
    {
        string[] stages = ["提交申报", "推荐单位出具推荐意见", "通过资格审查", "完成资料评审", "确定进入现场评审", "完成现场评审", "评审委员会推荐", "公示", "公示后提交审定"];
        int[] enterprise = [86, 82, 71, 71, 18, 18, 7, 7, 6];
        int[] service = [41, 39, 33, 33, 9, 9, 4, 4, 4];
        var listed = Enumerable.Range(1, 11).Select(i => new NoticeEntry
        {
            ApplicationId = Guid.CreateVersion7(), OrganizationName = $"样例第{i}家用户满意示范股份有限公司",
            Category = i <= 7 ? AwardCategory.Enterprise : AwardCategory.Service, ServiceName = i <= 7 ? null : $"样例第{i}家“心服务”客户服务品牌", Order = i,
        }).ToList();
        listed[2].Removed = true;
        listed[2].RemovalReason = "经核查，申报时未如实说明近三年发生的重大用户投诉";
        return new WorkReportData(2026, "2026年度全国用户满意标杆活动", stages.Select((s, i) => new StageCount(s, enterprise[i], service[i])).ToList(),
            5, 1, 4, 0, 2, listed.Where(e => !e.Removed).ToList(), listed.Where(e => e.Removed).ToList(),
            new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8)));
    }
}
