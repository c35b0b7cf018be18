using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Applications.Gates;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Biaogan.Web.Features.DocumentReview.Shortlist;
using Biaogan.Web.Features.Evaluation;
using Biaogan.Web.Features.OnSite;
using Biaogan.Web.Features.PublicNotice;
using Biaogan.Web.Features.StageReports;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Pdf;
using Biaogan.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Approval;

/// <summary>One stage's count, per category.</summary>
public sealed record StageCount(string Stage, int Enterprise, int Service)
{
    public int Total => Enterprise + Service;
}

/// <summary>The figures of the 评审工作报告 the approval committee hears (第八条、第二十二条). No scores of individual organisations.</summary>
public sealed record WorkReportData(int Year, string CycleName, IReadOnlyList<StageCount> Stages, int ObjectionsReceived, int Sustained,
    int Dismissed, int Open, int LateRefused, IReadOnlyList<NoticeEntry> Listed, IReadOnlyList<NoticeEntry> Removed, DateTimeOffset GeneratedAt)
{
    /// <summary>Applications left out when a stage was closed or a list made final, with the reason recorded (the gates).</summary>
    public IReadOnlyList<LeftOutLine> LeftOut { get; init; } = [];

    /// <summary>The 待核定 sentence when the cycle's criteria still have unverified points (null otherwise).</summary>
    public string? Placeholder { get; init; }

    /// <summary>第八、九条: the committees' members approved by the leading group (committee, name, unit, post, affiliation).</summary>
    public IReadOnlyList<Governance.CommitteeMember> Committees { get; init; } = [];
    /// <summary>The review committee's stage work reports (第九条) and where their 审议 stands.</summary>
    public IReadOnlyList<StageReportLine> StageReports { get; init; } = [];
}

/// <summary>One stage work report in the year's record: its draft, when generated, the 审议 and the members' comments.</summary>
public sealed record StageReportLine(string Name, int Revision, DateTimeOffset GeneratedAt, string Status, int Agreed, int Commented,
    int NotYet, IReadOnlyList<string> Comments);

/// <summary>One application left out at a gate: which gate, when, the state it was in and the office's reason.</summary>
public sealed record LeftOutLine(string Gate, DateTimeOffset At, string Name, string State, string Reason);

/// <summary>Builds the year's 评审工作报告 from the stages' records, and prints it (Infrastructure/Pdf).</summary>
public static class WorkReport
{
    public static async Task<WorkReportData> BuildAsync(AppDbContext db, Cycle cycle, DateTimeOffset now, StageReportWorkflow stageReports,
        CancellationToken ct = default)
    {
        var apps = await db.Set<Application>().AsNoTracking().Where(a => a.CycleId == cycle.Id)
            .Select(a => new { a.Id, a.Category, a.SubmittedAt, a.RecommendedAt, a.Status }).ToListAsync(ct);
        var category = apps.ToDictionary(a => a.Id, a => a.Category ?? AwardCategory.Enterprise);
        var reviewed = await db.Set<ConsensusSheet>().AsNoTracking().Where(s => s.CycleId == cycle.Id && s.Status == ConsensusStatus.Agreed)
            .Select(s => s.ApplicationId).ToListAsync(ct);
        var shortlists = await db.Set<ShortlistDecision>().AsNoTracking().Where(d => d.CycleId == cycle.Id && d.Status == ShortlistStatus.Finalised).ToListAsync(ct);
        var onSite = await db.Set<SiteVisit>().AsNoTracking()
            .Where(v => v.CycleId == cycle.Id && (v.Status == SiteVisitStatus.OfficeApproved || v.Status == SiteVisitStatus.Released))
            .Select(v => v.ApplicationId).ToListAsync(ct);
        var recommended = await EvaluationQueries.RecommendedAsync(db, cycle.Id, ct);
        var notice = await db.Set<PublicNotice.PublicNotice>().AsNoTracking().FirstOrDefaultAsync(n => n.CycleId == cycle.Id, ct);
        var objections = await db.Set<Objection>().AsNoTracking().Where(o => o.CycleId == cycle.Id).ToListAsync(ct);
        var late = await db.Set<LateObjection>().AsNoTracking().CountAsync(l => l.CycleId == cycle.Id, ct);

        StageCount Count(string stage, IEnumerable<Guid> ids)
        {
            var list = ids.Distinct().Select(id => category.GetValueOrDefault(id, AwardCategory.Enterprise)).ToList();
            return new StageCount(stage, list.Count(c => c == AwardCategory.Enterprise), list.Count(c => c == AwardCategory.Service));
        }
        var published = notice is { Status: NoticeStatus.Published };
        var stages = new List<StageCount>
        {
            Count("提交申报", apps.Where(a => a.SubmittedAt != null).Select(a => a.Id)),
            Count("推荐单位出具推荐意见", apps.Where(a => a.RecommendedAt != null).Select(a => a.Id)),
            Count("通过资格审查", apps.Where(a => a.Status == ApplicationStatus.Qualified).Select(a => a.Id)),
            Count("完成资料评审", reviewed),
            Count("确定进入现场评审", shortlists.SelectMany(d => d.Entries.Where(e => e.Selected).Select(e => e.ApplicationId))),
            Count("完成现场评审", onSite),
            Count("评审委员会推荐", recommended.Select(r => r.ApplicationId)),
            Count("公示", published ? notice!.Entries.Select(e => e.ApplicationId) : []),
            Count("公示后提交审定", published ? notice!.Listed.Select(e => e.ApplicationId) : []),
        };
        return new WorkReportData(cycle.Year, cycle.Name, stages, objections.Count,
            objections.Count(o => o.Conclusion == ObjectionConclusion.Sustained), objections.Count(o => o.Conclusion == ObjectionConclusion.Dismissed),
            objections.Count(o => o.IsOpen), late, published ? notice!.Listed.ToList() : [],
            published ? notice!.Entries.Where(e => e.Removed).ToList() : [], now)
        {
            LeftOut = (await GateQueries.PassagesAsync(db, cycle.Id, ct))
                .SelectMany(p => p.LeftOut.Select(l => new LeftOutLine(GateText.Display(p.Gate, p.Category), p.PassedAt, l.Name, l.State, l.Reason))).ToList(),
            Placeholder = Criteria.CriteriaPlaceholders.PendingFor(cycle.StandardCode) ? Criteria.CriteriaPlaceholders.Notice(cycle.StandardCode) : null,
            Committees = (await db.Set<Governance.CommitteeMember>().AsNoTracking()
                .Where(m => m.CycleId == cycle.Id && m.ApprovedAt != null && m.RemovedAt == null).ToListAsync(ct))
                .OrderBy(m => m.Committee).ThenBy(m => m.AddedAt).ToList(),
            StageReports = await StageReportLinesAsync(stageReports, cycle.Id, ct),
        };
    }

    private static async Task<List<StageReportLine>> StageReportLinesAsync(StageReportWorkflow stageReports, Guid cycleId, CancellationToken ct)
    {
        var lines = new List<StageReportLine>();
        foreach (var kind in Enum.GetValues<StageReportKind>())
        {
            if (await stageReports.ViewAsync(cycleId, kind, ct) is not { } v) continue;
            var answered = v.Members.Where(m => m.Response is not null).ToList();
            lines.Add(new StageReportLine(kind.Display(), v.Report.Revision, v.Report.GeneratedAt, v.StatusText,
                answered.Count(m => m.Response!.Agreed), answered.Count(m => !m.Response!.Agreed), v.Missing.Count,
                answered.Where(m => m.Response!.Comment.Length > 0).Select(m => $"{m.Name}：{m.Response!.Comment}").ToList()));
        }
        return lines;
    }

    public static PdfDocument Document(WorkReportData r)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfHeading($"{r.Year}年度全国用户满意标杆评审工作报告", 1),
            new PdfFacts([("年度活动", r.CycleName), ("报告对象", "审定委员会"), ("生成时间", ChinaTime.Format(r.GeneratedAt))]),
        };
        if (r.Placeholder is { } placeholder) blocks.Add(new PdfParagraph(placeholder, Bold: true));
        blocks.AddRange(
        [
            new PdfHeading("一、各阶段组织数量"),
            new PdfTable(["阶段", "企业类", "服务类", "合计"],
                r.Stages.Select(s => (IReadOnlyList<string>)[s.Stage, s.Enterprise.ToString(), s.Service.ToString(), s.Total.ToString()]).ToList(),
                [4f, 1f, 1f, 1f]),
            new PdfHeading("二、公示与异议处理（第二十一条）"),
            new PdfTable(["项目", "数量"],
            [
                ["受理异议", r.ObjectionsReceived.ToString()], ["异议成立（撤销推荐）", r.Sustained.ToString()],
                ["异议不成立", r.Dismissed.ToString()], ["尚未办结", r.Open.ToString()], ["逾期提出、不予受理", r.LateRefused.ToString()],
            ], [4f, 1f]),
        ]);
        if (r.Removed.Count > 0)
            blocks.Add(new PdfParagraph("经核查撤销推荐：" + string.Join("；", r.Removed.Select(e => $"{e.OrganizationName}（{e.RemovalReason}）"))));
        blocks.Add(new PdfHeading("三、各阶段留出的申报及原因"));
        if (r.LeftOut.Count == 0) blocks.Add(new PdfParagraph("各阶段关闭和名单确定时，没有留出未完成的申报。", Muted: true));
        else
            blocks.Add(new PdfTable(["环节", "日期", "申报组织", "当时状态", "留出原因"],
                r.LeftOut.Select(l => (IReadOnlyList<string>)[l.Gate, ChinaTime.Format(DateOnly.FromDateTime(l.At.ToChina().DateTime)), l.Name, l.State, l.Reason]).ToList(),
                [2f, 1.6f, 2.6f, 2f, 3f]));
        blocks.Add(new PdfHeading("四、评审委员会阶段工作报告及审议（第九条）"));
        if (r.StageReports.Count == 0) blocks.Add(new PdfParagraph("尚未生成阶段工作报告。", Muted: true));
        else
            blocks.Add(new PdfTable(["报告", "稿次", "生成时间", "审议情况", "同意", "提出意见", "尚未审议"],
                r.StageReports.Select(s => (IReadOnlyList<string>)[s.Name, $"第 {s.Revision} 稿", ChinaTime.Format(s.GeneratedAt), s.Status,
                    s.Agreed.ToString(), s.Commented.ToString(), s.NotYet.ToString()]).ToList(), [2.6f, 1f, 2f, 3.6f, 0.8f, 1f, 1f]));
        foreach (var line in r.StageReports.Where(s => s.Comments.Count > 0))
            blocks.Add(new PdfParagraph($"{line.Name}委员意见：" + string.Join("；", line.Comments)));
        blocks.Add(new PdfHeading("五、提请审定的推荐获奖组织名单"));
        if (r.Listed.Count == 0) blocks.Add(new PdfParagraph("公示尚未发布或名单为空。", Muted: true));
        else
            blocks.Add(new PdfTable(["序号", "组织名称", "类别", "服务名称"],
                r.Listed.Select((e, i) => (IReadOnlyList<string>)[(i + 1).ToString(), e.OrganizationName, Cycle.CategoryDisplay(e.Category), e.ServiceName ?? "—"]).ToList(),
                [0.8f, 5f, 1.4f, 3f]));
        blocks.Add(new PdfHeading("五、委员会组成（第八、九条）"));
        if (r.Committees.Count == 0) blocks.Add(new PdfParagraph("本年度委员会组成尚未经领导小组批准。", Muted: true));
        else
            blocks.Add(new PdfTable(["委员会", "姓名", "工作单位", "职务", "构成类别"],
                r.Committees.Select(m => (IReadOnlyList<string>)[Governance.CommitteeText.Display(m.Committee), m.Name, m.Unit, m.Post,
                    Governance.CommitteeText.Display(m.Affiliation)]).ToList(),
                [1.6f, 1.4f, 3.4f, 1.6f, 1.6f]));
        blocks.Add(new PdfSpace(12));
        blocks.Add(new PdfParagraph("本报告由系统根据各阶段记录自动生成，供审定委员会审议（第二十二条）。内部文件，请勿外传。", Muted: true));
        return new PdfDocument($"{r.Year}年度评审工作报告", "全国用户满意标杆活动办公室", blocks);
    }
}
