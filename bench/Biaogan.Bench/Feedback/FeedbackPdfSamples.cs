using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.DocumentReview.Feedback;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Infrastructure.Pdf;

namespace Biaogan.Bench.Feedback;

/// <summary>
/// The documents the feedback benchmark prints: a realistic 资料评审反馈报告 drafted by <see cref="FeedbackComposer"/>
/// from a consensus on the shipped T/CAQ 10301-2016 standard (two 优势 and two 改进机会 of about 60 characters per item),
/// and a baseline with the same number of pages, one short line of Chinese on each.
/// </summary>
public static class FeedbackPdfSamples
{
    public static PdfDocument Report()
    {
        var criteria = CriteriaCatalog.DocumentForCycle(CriteriaCatalog.DefaultKey);
        var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));
        var consensus = new ConsensusSheet(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
            criteria.Items.Select(i => i.Code), now);
        var random = new Random(2026);
        foreach (var item in consensus.Items)
        {
            item.Percent = 5 * random.Next(6, 15);
            for (var k = 0; k < 2; k++)
            {
                item.Strengths.Add(new ReviewComment { Text = "建立了覆盖主要业务的顾客需求识别与分析方法，并通过季度评审在各事业部系统展开，近三年顾客满意度指数持续提升。" });
                item.Opportunities.Add(new ReviewComment { Text = "改进措施与满意度测评结果之间的关联尚不清晰，建议补充关键过程指标的对比数据和标杆比较，形成闭环管理。" });
            }
        }
        var sections = FeedbackComposer.Sections(consensus, criteria);
        var report = new FeedbackReport(consensus.CycleId, consensus.ApplicationId, consensus.Id,
            FeedbackComposer.Summary("2026年度全国用户满意标杆活动", criteria, consensus, sections), sections, now);
        return FeedbackPdf.Document(report, new FeedbackHeader("2026年度全国用户满意标杆活动", "样例电器股份有限公司", "BG2026-0001", "企业类", null));
    }
}
