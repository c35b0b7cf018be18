using Biaogan.Web.Features.Assignment;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Infrastructure.Pdf;

namespace Biaogan.Bench.OnSite;

/// <summary>
/// The documents the on-site benchmark prints: a realistic 现场评审报告 on the shipped T/CAQ 10301-2016 standard, driven
/// through the entity's own methods (a three-person team, a two-day agenda of eight lines, eight 待核实问题 closed with
/// interview and document notes — three of them with a score change — five problems found and a three-paragraph opinion),
/// and a baseline with the same number of pages, one short line of Chinese on each.
/// </summary>
public static class OnSiteReportSamples
{
    public static PdfDocument Report()
    {
        var criteria = CriteriaCatalog.DocumentForCycle(CriteriaCatalog.DefaultKey);
        var now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));
        var random = new Random(2026);
        var visit = new SiteVisit(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
            criteria.Items.Select(i => (i.Code, (int?)(5 * random.Next(8, 15)))), now);
        string[] activities = ["首次会议", "听取组织情况介绍", "高层领导访谈", "现场查看营业网点", "查阅顾客投诉处理记录", "一线员工访谈", "专家组内部讨论", "末次会议"];
        visit.ProposeSchedule(new DateOnly(2027, 4, 12), new DateOnly(2027, 4, 13), ["北京市海淀区中关村大街1号 公司总部", "天津市滨海新区第二工厂"],
            activities.Select((a, i) => new AgendaItem { Time = $"第{(i < 4 ? "一" : "二")}天 {9 + i % 4 * 2:00}:00—{10 + i % 4 * 2:00}:00", Activity = a, Participants = "专家组全体、组织相关部门负责人" }),
            "活动办公室", now);
        visit.AgreeSchedule(now);
        foreach (var (item, k) in criteria.Items.Take(8).Select((x, k) => (x, k)))
        {
            var issue = visit.RaiseIssue(item.Code, "核实资料评审提出的改进机会：改进措施与满意度测评结果之间的关联尚不清晰，缺少连续三年的对比数据。", "组长", now);
            var doc = visit.Item(item.Code)!.DocumentPercent!.Value;
            visit.CloseIssue(issue.Id, k % 3 == 0 ? IssueOutcome.ScoreChanged : k % 3 == 1 ? IssueOutcome.Verified : IssueOutcome.NotVerified,
                k % 3 == 0 ? Math.Max(0, doc - 10) : null, "访谈客服中心主任和两名一线员工，了解投诉受理、分派、回访和分析改进的实际做法，抽问三起典型投诉的处理经过。",
                "查阅2024—2025年投诉台账、回访记录、季度满意度分析报告和改进项目立项文件，核对关键数据与申报材料的一致性。", "组员", now);
        }
        foreach (var item in visit.Items.Where(i => i.Percent is null)) visit.ScoreItem(item.ItemCode, item.DocumentPercent!.Value, "");
        visit.RecordReport("该组织坚持以用户为中心的经营理念，高层领导重视顾客满意，建立了覆盖主要业务的顾客需求识别和投诉处理体系。\n" +
                           "现场查看和访谈表明，申报材料所述的主要做法已在各业务单元展开，关键指标近三年保持改进趋势。\n" +
                           "专家组建议组织加强测评结果向产品和服务设计的传递，完善改进效果的量化评价。",
            ["部分营业网点回访记录不完整，未能体现闭环", "满意度测评样本未覆盖政企客户", "改进项目缺少效果评价指标", "员工参与改进的激励机制尚未制度化", "标杆对比数据来源单一"]);
        visit.ApproveAsLeader("leader", now);
        var (d, o) = OnSiteScoring.Points(visit, criteria);
        visit.ApproveByOffice("office", d, o, now);
        visit.Release(now);
        var view = new SiteVisitView(visit, VisitRole.Office, "2026年度全国用户满意标杆活动", 2026, Guid.CreateVersion7(), "样例通信服务股份有限公司",
            "BG2026-0001", "企业类", [new("陈思远", GroupRole.Leader, MemberStatus.Declared, null), new("黄立群", GroupRole.Member, MemberStatus.Declared, null),
                new("王志强", GroupRole.Member, MemberStatus.Declared, null)], criteria);
        return OnSiteReportPdf.Document(view);
    }
}
