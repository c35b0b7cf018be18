using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.DocumentReview.Scoring;

/// <summary>One item of the consensus form: the agreed percentage and comment, and the 优势/改进机会 picked or written.</summary>
public sealed class ConsensusItemInput
{
    public string Code { get; set; } = "";
    public int? Percent { get; set; }
    public string? Comment { get; set; }
    /// <summary>Texts of the members' comments the 组长 picked (their citations come with them).</summary>
    public List<string> PickedStrengths { get; set; } = [];
    public List<string> PickedOpportunities { get; set; } = [];
    /// <summary>Comments written by the group, one per line.</summary>
    public string? OwnStrengths { get; set; }
    public string? OwnOpportunities { get; set; }

    public ConsensusItem ToItem(ConsensusBoard board) => new()
    {
        ItemCode = Code, Percent = Percent, Comment = Comment ?? "",
        Strengths = Combine(board.CommentsFor(Code, strengths: true), PickedStrengths, OwnStrengths),
        Opportunities = Combine(board.CommentsFor(Code, strengths: false), PickedOpportunities, OwnOpportunities),
    };

    private static List<ReviewComment> Combine(IReadOnlyList<(string ReviewerName, ReviewComment Comment)> offered, List<string> picked, string? own) =>
    [
        .. offered.Where(o => picked.Contains(o.Comment.Text)).Select(o => o.Comment),
        .. (own ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => !picked.Contains(t)).Select(t => new ReviewComment { Text = t }),
    ];

    public static ConsensusItemInput From(ConsensusItem item, ConsensusBoard board)
    {
        var offeredS = board.CommentsFor(item.ItemCode, true).Select(o => o.Comment.Text).ToHashSet();
        var offeredO = board.CommentsFor(item.ItemCode, false).Select(o => o.Comment.Text).ToHashSet();
        return new ConsensusItemInput
        {
            Code = item.ItemCode, Percent = item.Percent, Comment = item.Comment,
            PickedStrengths = item.Strengths.Select(s => s.Text).Where(offeredS.Contains).ToList(),
            PickedOpportunities = item.Opportunities.Select(s => s.Text).Where(offeredO.Contains).ToList(),
            OwnStrengths = string.Join("\n", item.Strengths.Select(s => s.Text).Where(t => !offeredS.Contains(t))),
            OwnOpportunities = string.Join("\n", item.Opportunities.Select(s => s.Text).Where(t => !offeredO.Contains(t))),
        };
    }
}

/// <summary>
/// /DocumentReview/Consensus/{applicationId}: the 组长 (after submitting their own sheet) sees every submitted sheet side by
/// side with the spread per item — items above the cycle's threshold first — and records and agrees the consensus;
/// members read it once agreed; the office reads everything. History from the audit trail.
/// </summary>
public sealed class ConsensusModel(ConsensusWorkflow workflow) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid ApplicationId { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public List<ConsensusItemInput> Items { get; set; } = [];

    public ConsensusView View { get; private set; } = null!;

    public ConsensusItemInput InputFor(string code) => Items.FirstOrDefault(i => i.Code == code) ?? new ConsensusItemInput { Code = code };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (View.Sheet is { } sheet && View.Board is { } board)
        {
            Version = sheet.Version;
            Summary = sheet.Summary;
            Items = sheet.Items.Select(i => ConsensusItemInput.From(i, board)).ToList();
        }
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(agree: false, ct);

    public Task<IActionResult> OnPostAgreeAsync(CancellationToken ct) => SaveAsync(agree: true, ct);

    private async Task<IActionResult> SaveAsync(bool agree, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var items = View.Board is { } board ? Items.Select(i => i.ToItem(board)).ToList() : [];
        await workflow.SaveAsync(View, UserId, items, Summary ?? "", Version, agree, ct);
        Flash = agree ? "一致性评审结果已确认，组员现在可以查看。" : "一致性评审已保存。";
        return RedirectToPage();
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        HttpContext.RequestServices.GetRequiredService<Infrastructure.Data.AppDbContext>().ChangeTracker.Clear();
        if (!await LoadAsync(HttpContext.RequestAborted)) return NotFound();
        return Page();
    }

    private string UserId => User.UserId();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (UserId.Length == 0) return false;
        var view = await workflow.LoadAsync(UserId, User.IsOffice(), ApplicationId, ct);
        if (view is null) return false;
        View = view;
        return true;
    }
}
