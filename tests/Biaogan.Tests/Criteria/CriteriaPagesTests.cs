using System.Net;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Infrastructure.Audit;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.Criteria;

/// <summary>The office views versions, exports them, edits drafts and publishes them; published versions stay as they are.</summary>
public class CriteriaPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Both_templates_are_published_as_version_1_on_first_start()
    {
        var versions = await app.WithDbAsync(db => db.Set<CriteriaVersion>().Where(v => v.VersionNo == 1 && v.BasedOnId == null)
            .Where(v => v.Code == "T/CAQ 10301-2016" || v.Code == "GB/T 19580-2012").ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.All(versions, v => Assert.Equal(CriteriaStatus.Published, v.Status));
        Assert.All(versions, v => Assert.Equal(v.Code, v.Key));
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.EntityType == nameof(CriteriaVersion)).Select(a => a.Action).ToListAsync());
        Assert.Contains("载入系统模板", audit);
    }

    [Fact]
    public async Task The_office_sees_the_versions_and_a_tree_with_totals_and_pending_badges()
    {
        var office = await OfficeAsync();
        var list = PageClient.Text(await office.GetAsync("/Criteria"));
        Assert.Contains("T/CAQ 10301-2016", list);
        Assert.Contains("《卓越绩效评价准则》", list);
        Assert.Contains("处待核定", list);

        var id = await CriteriaSteps.IdOfAsync(app, "T/CAQ 10301-2016");
        var page = await office.GetAsync($"/Criteria/Details/{id}");
        var text = PageClient.Text(page);
        Assert.Contains("校验通过", page.QuerySelector("#validation")!.TextContent);
        Assert.Contains("4.2.2", text);
        Assert.Contains("竞争环境分析", text);
        Assert.Contains("条目合计 120 分", text);
        Assert.Equal(18 + 6, page.QuerySelectorAll("#criteria-tree .badge-warn").Length);
        Assert.Equal(6, page.QuerySelectorAll("#bands-table tbody tr").Length);
        Assert.Contains("方法-展开-学习-整合", text);
        Assert.Null(page.QuerySelector("#publish-form"));
    }

    [Fact]
    public async Task Exported_JSON_is_the_template_file_and_Excel_reads_back_the_same()
    {
        var office = await OfficeAsync();
        var id = await CriteriaSteps.IdOfAsync(app, "GB/T 19580-2012");
        var json = await office.Http.GetAsync($"/Criteria/Details/{id}?handler=Json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.EndsWith(".json", json.Content.Headers.ContentDisposition!.FileNameStar);
        var file = await File.ReadAllBytesAsync(Path.Combine(CriteriaJsonTests.DataFolder(), "gbt-19580-2012.json"));
        Assert.Equal(file, await json.Content.ReadAsByteArrayAsync());

        var excel = await office.Http.GetAsync($"/Criteria/Details/{id}?handler=Excel");
        Assert.Equal(CriteriaExcel.ContentType, excel.Content.Headers.ContentType!.MediaType);
        var read = CriteriaExcel.Read(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(file), CriteriaJson.Write(read.Document!));
    }

    [Fact]
    public async Task Editing_a_published_version_makes_a_new_draft_that_publishes_only_when_it_adds_up()
    {
        var office = await OfficeAsync();
        var template = await CriteriaSteps.IdOfAsync(app, "GB/T 19580-2012");
        var copied = await office.SubmitAsync($"/Criteria/Details/{template}", new Dictionary<string, string?>(), "#copy-form");
        Assert.StartsWith("/Criteria/Edit/", copied.Path);
        var draftId = Guid.Parse(copied.Path["/Criteria/Edit/".Length..]);
        var draft = await CriteriaSteps.LoadAsync(app, draftId);
        Assert.Equal(CriteriaStatus.Draft, draft.Status);
        Assert.Equal(template, draft.BasedOnId);
        Assert.Equal($"GB/T 19580-2012（第{draft.VersionNo}版）", draft.Key);

        // 4.1.2 高层领导的作用 50 → 40: the category no longer adds up; saving works, publishing does not.
        var saved = await office.SubmitAsync(copied.Page, new Dictionary<string, string?>
        {
            ["Form.Categories[0].Items[0].Points"] = "40", ["Form.Categories[0].Items[0].Pending"] = null,
            ["Form.Label"] = "核定领导类目分值",
        }, "#criteria-form", submit: "save");
        Assert.Empty(saved.Errors);
        const string shortfall = "类目“4.1 领导”：各条目分值合计 100 分，比类目分值 110 分少 10 分。请调整条目分值或类目分值。";
        Assert.Contains(shortfall, saved.Page.QuerySelector("#validation")!.TextContent);

        var refused = await office.SubmitAsync(saved.Page, new Dictionary<string, string?>(), "#criteria-form", submit: "publish");
        Assert.Contains(refused.Errors, e => e.Contains("不能发布") && e.Contains(shortfall));
        Assert.Equal(CriteriaStatus.Draft, (await CriteriaSteps.LoadAsync(app, draftId)).Status);

        var published = await office.SubmitAsync(refused.Page, new Dictionary<string, string?> { ["Form.Categories[0].Items[1].Points"] = "40" },
            "#criteria-form", submit: "publish");
        Assert.Empty(published.Errors);
        Assert.Equal($"/Criteria/Details/{draftId}", published.Path);
        var version = await CriteriaSteps.LoadAsync(app, draftId);
        Assert.Equal(CriteriaStatus.Published, version.Status);
        Assert.Equal([40, 40, 30], version.Document.Categories[0].Items.Select(i => i.Points));
        Assert.False(version.Document.Categories[0].Items[0].Pending);
        Assert.Equal("核定领导类目分值", version.Label);
        Assert.Contains(CriteriaCatalog.All, o => o.Code == version.Key);
        Assert.Equal(40, CriteriaCatalog.FindDocument(version.Key)!.FindItem("4.1.2")!.Points);
        Assert.Equal(50, CriteriaCatalog.FindDocument("GB/T 19580-2012")!.FindItem("4.1.2")!.Points);
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.EntityId == draftId.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("修改草稿", audit);
        Assert.Contains("发布", audit);
    }

    [Fact]
    public async Task A_published_version_cannot_be_changed_through_a_stale_edit_form()
    {
        var office = await OfficeAsync();
        var id = await CriteriaSteps.ImportAsync(office, CriteriaBuilders.Small());
        var edit = await office.GetAsync($"/Criteria/Edit/{id}");
        Assert.Empty((await CriteriaSteps.PublishAsync(office, id)).Errors);
        var before = (await CriteriaSteps.LoadAsync(app, id)).Content;

        var refused = await office.SubmitAsync(edit, new Dictionary<string, string?> { ["Form.Title"] = "改过的名称" }, "#criteria-form", submit: "save");
        Assert.Contains(refused.Errors, e => e.Contains("已发布，内容不能修改") && e.Contains("复制为新草稿"));
        Assert.Equal(before, (await CriteriaSteps.LoadAsync(app, id)).Content);

        var again = await office.GetAsync($"/Criteria/Edit/{id}");
        Assert.StartsWith($"/Criteria/Details/{id}", again.Url[again.Url.IndexOf("/Criteria", StringComparison.Ordinal)..]);
        Assert.Contains("不能修改", PageClient.Text(again));
    }

    [Fact]
    public async Task Items_and_categories_are_added_moved_and_removed_on_the_draft()
    {
        var office = await OfficeAsync();
        var id = await CriteriaSteps.ImportAsync(office, CriteriaBuilders.Small());
        var page = await office.GetAsync($"/Criteria/Edit/{id}");

        var added = await office.SubmitAsync(page, new Dictionary<string, string?> { ["Form.Categories[0].Items[0].Name"] = "方针与目标" }, "#criteria-form", submit: "add-item:0");
        var doc = (await CriteriaSteps.LoadAsync(app, id)).Document;
        Assert.Equal(["1.1", "1.2", "1."], doc.Categories[0].Items.Select(i => i.Code));
        Assert.Equal("方针与目标", doc.Categories[0].Items[0].Name);
        Assert.True(doc.Categories[0].Items[2].Pending);

        var moved = await office.SubmitAsync(added.Page, new Dictionary<string, string?>
        {
            ["Form.Categories[0].Items[2].Code"] = "1.3", ["Form.Categories[0].Items[2].Name"] = "新条目", ["Form.Categories[0].Items[2].Points"] = "5",
            ["Form.Categories[0].Items[2].Kind"] = "Result",
        }, "#criteria-form", submit: "up-item:0:2");
        doc = (await CriteriaSteps.LoadAsync(app, id)).Document;
        Assert.Equal(["1.1", "1.3", "1.2"], doc.Categories[0].Items.Select(i => i.Code));
        Assert.Equal(ItemKind.Result, doc.Categories[0].Items[1].Kind);

        var removed = await office.SubmitAsync(moved.Page, new Dictionary<string, string?>(), "#criteria-form", submit: "remove-item:0:1");
        var category = await office.SubmitAsync(removed.Page, new Dictionary<string, string?>(), "#criteria-form", submit: "add-category");
        var swapped = await office.SubmitAsync(category.Page, new Dictionary<string, string?>(), "#criteria-form", submit: "down-category:0");
        Assert.Empty(swapped.Errors);
        doc = (await CriteriaSteps.LoadAsync(app, id)).Document;
        Assert.Equal(["2", "1", ""], doc.Categories.Select(c => c.Code));
        Assert.Equal(["1.1", "1.2"], doc.Categories[1].Items.Select(i => i.Code));
        Assert.Contains("缺少条款号", swapped.Page.QuerySelector("#validation")!.TextContent);

        var bands = await office.SubmitAsync(swapped.Page, new Dictionary<string, string?>(), "#criteria-form", submit: "remove-category:2");
        bands = await office.SubmitAsync(bands.Page, new Dictionary<string, string?> { ["Form.Bands[0].Process"] = "自拟描述" }, "#criteria-form", submit: "remove-band:5");
        doc = (await CriteriaSteps.LoadAsync(app, id)).Document;
        Assert.Equal(5, doc.Bands.Count);
        Assert.Equal("自拟描述", doc.Bands[0].Process);
        Assert.Contains("最后一个评分档应到 100% 为止，现为 85%。", bands.Page.QuerySelector("#validation")!.TextContent);
    }

    [Fact]
    public async Task Two_people_editing_one_draft_do_not_overwrite_each_other()
    {
        var office = await OfficeAsync();
        var id = await CriteriaSteps.ImportAsync(office, CriteriaBuilders.Small());
        var mine = await office.GetAsync($"/Criteria/Edit/{id}");
        var theirs = await office.GetAsync($"/Criteria/Edit/{id}");
        Assert.Empty((await office.SubmitAsync(theirs, new Dictionary<string, string?> { ["Form.Title"] = "他人的修改" }, "#criteria-form", submit: "save")).Errors);

        var late = await office.SubmitAsync(mine, new Dictionary<string, string?> { ["Form.Title"] = "我的修改" }, "#criteria-form", submit: "save");
        Assert.Contains(late.Errors, e => e.Contains(DomainRuleFilter.ConcurrencyMessage[..12]));
        Assert.Equal("我的修改", late.Page.QuerySelector("#Form_Title")!.GetAttribute("value"));
        Assert.Equal("他人的修改", (await CriteriaSteps.LoadAsync(app, id)).Title);
    }

    [Fact]
    public async Task A_draft_can_be_deleted_and_a_published_version_cannot()
    {
        var office = await OfficeAsync();
        var id = await CriteriaSteps.ImportAsync(office, CriteriaBuilders.Small());
        var deleted = await office.SubmitAsync($"/Criteria/Details/{id}", new Dictionary<string, string?>(), "#delete-form");
        Assert.Equal("/Criteria", deleted.Path);
        Assert.False(await app.WithDbAsync(db => db.Set<CriteriaVersion>().AnyAsync(v => v.Id == id)));

        var published = (await CriteriaSteps.PublishedAsync(office)).Id;
        Assert.Null((await office.GetAsync($"/Criteria/Details/{published}")).QuerySelector("#delete-form"));
    }

    private async Task<PageClient> OfficeAsync() => await Cast.SignInAsync(app, await Cast.OfficeAsync(app));
}
