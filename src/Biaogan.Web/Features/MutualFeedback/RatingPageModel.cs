using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.MutualFeedback;

/// <summary>
/// What both rating pages of 第三十条 share: the answers and comments, the read-back of a submitted rating, the
/// redisplay after a refused submission. Each side decides who may rate (<see cref="LoadAsync"/>, 404 otherwise) and
/// how the rating is saved (<see cref="SubmitAsync"/>, returning the confirmation shown).
/// </summary>
public abstract class RatingPageModel : AppPageModel
{
    [BindProperty] public Dictionary<string, int> Answers { get; set; } = [];
    [BindProperty] public string? Comments { get; set; }

    public FeedbackVisit Visit { get; protected set; } = null!;
    public MutualRating? Rating { get; protected set; }

    protected abstract Task<bool> LoadAsync(CancellationToken ct);

    protected abstract Task<string> SubmitAsync(CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Rating is not null)
        {
            Answers = Rating.Answers.ToDictionary(a => a.Code, a => a.Score);
            Comments = Rating.Comments;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Flash = await SubmitAsync(ct);
        return RedirectToPage("/MutualFeedback/Mine");
    }

    public override async Task<IActionResult> RedisplayAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }
}
