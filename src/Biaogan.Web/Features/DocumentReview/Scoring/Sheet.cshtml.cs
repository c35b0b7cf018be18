using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Applications;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.Cycles;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Errors;
using Biaogan.Web.Infrastructure.Files;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>A place a comment may cite: a 自我评价报告 section or a file of the application.</summary>
public sealed record CitationSource(string Value, string Label);

/// <summary>
/// /DocumentReview/Sheet/{applicationId}: the reviewer's own 独立评分表 — per item a band and a percentage, 优势 and
/// 改进机会 citing the report or the files; autosaved every 30 s and on leaving; submitted sheets are read-only.
/// Only the seat holder ever sees it (404 for everyone else, office included: it reads sheets on /DocumentReview).
/// </summary>
public sealed class SheetModel(AppDbContext db, ScoringWorkflow scoring, TimeProvider clock) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ApplicationId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<SheetItemInput> Items { get; set; } = [];

    public ScoreSheet Sheet { get; private set; } = null!;
    public CriteriaDocument Criteria { get; private set; } = null!;
    public string ApplicantName { get; private set; } = "";
    public IReadOnlyList<CitationSource> Sources { get; private set; } = [];
    public IReadOnlyDictionary<Guid, StoredFile> Files { get; private set; } = new Dictionary<Guid, StoredFile>();

    public bool CanEdit => Sheet.Status == SheetStatus.Draft;
    public bool Overdue => CanEdit && Sheet.DueOn < clock.Today();

    /// <summary>The two comment lists of an item: their form names and titles (one shared row template each).</summary>
    public static readonly (string List, string Title)[] CommentLists = [("Strengths", "优势"), ("Opportunities", "改进机会")];

    /// <summary>The key of an item kind's descriptor in <see cref="BandsJson"/> (score-sheet.js reads data-kind).</summary>
    public static string KindKey(ItemKind kind) => kind == ItemKind.Process ? "p" : "r";

    // CJK stays readable (three bytes, not a six-byte escape); <, >, & and quotes are still escaped for the <script> island.
    private static readonly JsonSerializerOptions IslandJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Every band with both descriptors, sent once for all items.</summary>
    public string BandsJson => JsonSerializer.Serialize(Criteria.Bands.Select(b => new
        { min = b.MinPercent, max = b.MaxPercent, range = b.Range, p = b.Process, r = b.Result }), IslandJson);

    public SheetItemInput InputFor(string code) => Items.FirstOrDefault(i => i.Code == code) ?? new SheetItemInput { Code = code };

    /// <summary>Why scoring cannot open yet (待核定 criteria without the leading group's confirmation); the page shows only this.</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            if (!await LoadAsync(ct)) return NotFound();
        }
        catch (Infrastructure.Errors.DomainRuleException ex) when (ex is ScoringNotOpenException)
        {
            Closed = ex.Message;
            return Page();
        }
        Version = Sheet.Version;
        Items = Sheet.Items.Select(SheetItemInput.From).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct, sheetOnly: true)) return NotFound();
        await scoring.SaveAsync(Sheet, Items.Select(i => i.ToScore()), Version, ct);
        Flash = $"已保存（{ChinaTime.Format(Sheet.UpdatedAt)}）。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct, sheetOnly: true)) return NotFound();
        await scoring.SubmitAsync(Sheet, Items.Select(i => i.ToScore()), Version, ct);
        Flash = "独立评分表已提交并锁定。组长可以开始一致性评审；如需修改，请联系活动办公室重新开放。";
        return RedirectToPage();
    }

    /// <summary>Autosave from application-form.js: JSON with the new version, 409 on a lost race, 422 on a broken rule.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct, sheetOnly: true)) return NotFound();
        if (!CanEdit) return Json(422, "评分表已提交并锁定，未自动保存。");
        try
        {
            await scoring.SaveAsync(Sheet, Items.Select(i => i.ToScore()), Version, ct);
        }
        catch (DomainRuleException ex)
        {
            return Json(422, "未自动保存：" + ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Json(409, DomainRuleFilter.ConcurrencyMessage);
        }
        return new JsonResult(new { version = Sheet.Version, savedAt = Sheet.UpdatedAt.ToChina().ToString("yyyy-MM-dd'T'HH:mm:sszzz") });
    }

    private static JsonResult Json(int status, string message) => new(new { message }) { StatusCode = status };

    public override async Task<IActionResult> RedisplayAsync()
    {
        // Show the stored sheet around the posted input, which stays in Items.
        db.ChangeTracker.Clear();
        if (!await LoadAsync(HttpContext.RequestAborted)) return NotFound();
        return Page();
    }

    /// <param name="sheetOnly">A save needs only the sheet: the criteria, name and files are read when the page is
    /// shown (a refused save shows it through <see cref="RedisplayAsync"/>, which loads everything).</param>
    private async Task<bool> LoadAsync(CancellationToken ct, bool sheetOnly = false)
    {
        var userId = User.UserId();
        if (userId.Length == 0) return false;
        var sheet = await scoring.OpenAsync(userId, ApplicationId, ct);
        if (sheet is null) return false;
        Sheet = sheet;
        if (sheetOnly) return true;
        Criteria = await scoring.CriteriaAsync(sheet.CriteriaVersionId, ct);
        ApplicantName = await scoring.ApplicantNameAsync(ApplicationId, ct);
        var files = ApplicationFiles.Current(await db.Set<StoredFile>().AsNoTracking()
            .Where(f => f.OwnerType == ApplicationFiles.OwnerType && f.OwnerId == ApplicationId).ToListAsync(ct)).ToList();
        Files = files.ToDictionary(f => f.Id);
        Sources =
        [
            .. Criteria.Categories.Select(c => new CitationSource($"s:{c.Code}", $"自我评价报告 {c.Code} {c.Name}")),
            .. files.Select(f => new CitationSource($"f:{f.Id}", $"{f.Purpose}：{(string.IsNullOrWhiteSpace(f.Title) ? f.FileName : f.Title)}")),
        ];
        return true;
    }

    /// <summary>How a citation reads on the page (“自我评价报告 4.2 第 12-14 页”).</summary>
    public string Describe(Citation c)
    {
        var where = c.FileId is { } f
            ? Files.TryGetValue(f, out var file) ? $"{file.Purpose}“{(string.IsNullOrWhiteSpace(file.Title) ? file.FileName : file.Title)}”" : "已删除的文件"
            : $"自我评价报告 {c.SectionCode}";
        return string.IsNullOrWhiteSpace(c.Pages) ? where : $"{where} 第 {c.Pages} 页";
    }
}
