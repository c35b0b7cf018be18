using System.ComponentModel.DataAnnotations;
using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Features.Confirmation;

/// <summary>
/// A reviewer's confirmation seat: sign the no-conflict declaration (or declare a conflict), then read the organisation's
/// submission with the period's records and give the structured opinion; the 组长's submitted opinion is the group's.
/// Only the seat's own reviewer reaches it (others get 404); with a conflict on file the submission stays closed.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class SeatModel(AppDbContext db, ConfirmationWorkflow confirmation, SeatWorkflow seats) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int SeatVersion { get; set; }
    [BindProperty] public int? OpinionVersion { get; set; }
    [BindProperty] public bool Accept { get; set; }
    [BindProperty, StringLength(2000), Display(Name = "利益冲突说明")] public string? Statement { get; set; }
    [BindProperty] public List<DimensionRating> Ratings { get; set; } = [];
    [BindProperty, Display(Name = "建议")] public Proposal? Proposal { get; set; }
    [BindProperty, StringLength(ConfirmationOpinion.ReasonLength), Display(Name = "建议理由")] public string? ProposalReason { get; set; }

    public MySeatView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        SeatVersion = View.Version;
        if (View.MyOpinion is { } o)
        {
            Ratings = o.Ratings.Select(r => new DimensionRating { Dimension = r.Dimension, Trend = r.Trend is { } t ? Enum.Parse<Trend>(t) : null, Reason = r.Reason }).ToList();
            (Proposal, ProposalReason, OpinionVersion) = (o.Proposal is { } p ? Enum.Parse<Proposal>(p) : null, o.ProposalReason, o.Version);
        }
        return Page();
    }

    public override async Task<IActionResult> RedisplayAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public Task<IActionResult> OnPostDeclareAsync(CancellationToken ct) =>
        Act(async () => await seats.DeclareAsync(User, Id, SeatVersion, Accept, ct) is not null, "已签署无利益冲突声明和保密承诺，现在可以查阅确认材料并提出意见。");

    public Task<IActionResult> OnPostConflictAsync(CancellationToken ct) =>
        Act(async () => await seats.DeclareConflictAsync(User, Id, SeatVersion, Statement, ct) is not null,
            "已记录您申报的利益冲突，您已退出该确认组。活动办公室将另行安排评审员，感谢您如实申报。");

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => Opinion(false, "意见草稿已保存。提交前仍可修改。", ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => Opinion(true, "意见已提交，活动办公室已收到通知。", ct);

    private Task<IActionResult> Opinion(bool submit, string done, CancellationToken ct) =>
        Act(async () => await seats.SaveOpinionAsync(User, Id, OpinionVersion, new OpinionForm(Ratings, Proposal, ProposalReason), submit, ct) is not null,
            done);

    private async Task<IActionResult> Act(Func<Task<bool>> act, string done)
    {
        if (!ModelState.IsValid) return await RedisplayAsync();
        if (!await act()) return NotFound();
        Flash = done;
        return RedirectToPage(new { Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var seat = await seats.MineAsync(User, Id, ct);
        if (seat is null) return false;
        View = await SeatViews.SeatAsync(db, confirmation, seats, seat, ct);
        // Every dimension has its row, whatever came back from a broken form.
        Ratings = ConfirmationOpinion.Dimensions.Select(d => Ratings.FirstOrDefault(r => r.Dimension == d) ?? new DimensionRating { Dimension = d }).ToList();
        return true;
    }
}
