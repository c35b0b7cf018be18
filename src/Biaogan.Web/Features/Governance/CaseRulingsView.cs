namespace Biaogan.Web.Features.Governance;

/// <summary>What the supervision case page shows of the leading group's rulings: those cited and those the office may cite.</summary>
public sealed record CaseRulingsView(Guid CaseId, IReadOnlyList<(RulingCitation Citation, Ruling Ruling)> Cited, IReadOnlyList<Ruling> Available)
{
    public static async Task<CaseRulingsView> LoadAsync(RulingBook book, Guid caseId, CancellationToken ct)
    {
        var cited = await book.CitedFromAsync(RulingCitation.SupervisionCase, caseId, ct);
        var all = await book.ListAsync(ct);
        return new CaseRulingsView(caseId, cited, all.Where(r => cited.All(c => c.Ruling.Id != r.Id)).ToList());
    }
}

/// <summary>Renders <c>_RulingCitations.cshtml</c> on a supervision case page, so the case page needs no ruling code of its own.</summary>
public sealed class CaseRulingsViewComponent(RulingBook book) : Microsoft.AspNetCore.Mvc.ViewComponent
{
    public async Task<Microsoft.AspNetCore.Mvc.IViewComponentResult> InvokeAsync(Guid caseId) =>
        View("/Features/Governance/_RulingCitations.cshtml", await CaseRulingsView.LoadAsync(book, caseId, HttpContext.RequestAborted));
}
