using Biaogan.Web.Features.Notifications;
using Biaogan.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Assignment;

/// <summary>
/// The Chinese notification templates of expert-group assignment, copied into the database on first start like
/// <see cref="DefaultTemplates"/> (the office edits them on the templates page; what is there is never overwritten).
/// </summary>
public static class AssignmentTemplates
{
    public const string Seated = "assignment.seated";
    public const string Removed = "assignment.removed";
    public const string Declined = "assignment.declined";

    private const string Signature = "\n\n全国用户满意标杆活动办公室\n（本邮件由系统自动发送，请勿直接回复）";

    public static readonly IReadOnlyList<MessageTemplate> All =
    [
        T(Seated, "评审员被分配到专家组", "资料评审任务：{{组织名称}}（{{角色}}）",
            "{{收件人}}，您好：\n\n活动办公室已将您分配到 {{组织名称}}（{{申报编号}}）的{{阶段}}专家组，担任{{角色}}。\n" +
            "查看材料前，请先签署无利益冲突声明和保密承诺；如存在利益冲突或无法参加，请在任务列表中说明理由谢绝：\n{{链接}}",
            "收件人,组织名称,申报编号,阶段,角色,链接"),
        T(Removed, "评审员被调出专家组", "专家组调整：{{组织名称}}",
            "{{收件人}}，您好：\n\n活动办公室调整了专家组，您不再参加 {{组织名称}}（{{申报编号}}）的{{阶段}}。\n原因：{{理由}}\n查看您的评审任务：\n{{链接}}",
            "收件人,组织名称,申报编号,阶段,理由,链接"),
        T(Declined, "评审员谢绝专家组席位后告知办公室", "评审员谢绝：{{评审员}} — {{组织名称}}",
            "{{收件人}}，您好：\n\n评审员{{评审员}}谢绝参加 {{组织名称}}（{{申报编号}}）的{{阶段}}专家组。\n理由：{{理由}}\n" +
            "请在分配页面为空缺席位重新求解（其余席位保持不变）：\n{{链接}}",
            "收件人,评审员,组织名称,申报编号,阶段,理由,链接"),
    ];

    private static MessageTemplate T(string key, string description, string subject, string body, string placeholders) =>
        new() { Key = key, Description = description, Subject = subject, Body = body + Signature, Placeholders = placeholders, UpdatedBy = "系统" };
}

/// <summary>Copies <see cref="AssignmentTemplates"/> into the database for keys that have no row yet.</summary>
internal sealed class AssignmentTemplateSeeder(AppDbContext db, TimeProvider clock, ILogger<AssignmentTemplateSeeder> log) : ISeeder
{
    /// <summary>After the foundation's templates (10).</summary>
    public int Order => 11;

    public async Task SeedAsync(CancellationToken ct)
    {
        var keys = AssignmentTemplates.All.Select(t => t.Key).ToList();
        var existing = await db.Set<MessageTemplate>().Where(t => keys.Contains(t.Key)).Select(t => t.Key).ToListAsync(ct);
        foreach (var t in AssignmentTemplates.All.Where(t => !existing.Contains(t.Key))) db.Add(t.Copy(clock.GetUtcNow()));
        if (!db.ChangeTracker.HasChanges()) return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            log.LogInformation(ex, "专家组分配通知模板已由其他节点写入，跳过");
            db.ChangeTracker.Clear();
        }
    }
}
