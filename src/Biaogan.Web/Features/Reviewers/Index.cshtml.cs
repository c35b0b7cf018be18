using Biaogan.Web.Features.Accounts;
using Biaogan.Web.Features.Organizations;
using Biaogan.Web.Infrastructure.Data;
using Biaogan.Web.Infrastructure.Time;
using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Features.Reviewers;

/// <summary>评审员库: every profile with its standing and 第十一条 result, filtered by status, industry, region, eligibility.</summary>
[Authorize(Policy = Policies.ReviewerPoolStaff)]
public sealed class IndexModel(AppDbContext db, ReviewerAccounts accounts, TimeProvider clock) : AppPageModel
{
    public sealed record Row(ReviewerProfile Profile, EligibilityReport Eligibility, ReviewerAccountState Account);

    /// <summary>Status filter: a <see cref="ReviewerStatus"/> name, or “Available” / “Expired”.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    /// <summary>GB/T 4754 门类 letter: profiles naming the 门类 or one of its 大类.</summary>
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public EligibilityOutcome? Eligibility { get; set; }

    /// <summary>The rows of the current page.</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    /// <summary>How many profiles match the filters (all pages).</summary>
    public int Matched { get; private set; }
    public ListView? Paging { get; private set; }
    public DateOnly Today { get; private set; }
    public bool IsOffice => User.IsOffice();

    public async Task OnGetAsync(ListQuery list, CancellationToken ct)
    {
        Today = clock.Today();
        var settings = (await ReviewerPool.SettingsAsync(db, ct)).For(Today);
        var all = await db.Set<ReviewerProfile>().AsNoTracking().AsSplitQuery().OrderBy(p => p.Name).ToListAsync(ct);
        Total = all.Count;
        var states = await accounts.StatesAsync(all, ct);
        // 第十一条 is evaluated per profile in memory (it reads the training and work records), so the filtered list is
        // paged here; only the page's rows are rendered.
        var matched = all.Where(Matches)
            .Select(p => new Row(p, ReviewerEligibility.Evaluate(p, settings),
                p.UserId is { } u && states.TryGetValue(u, out var s) ? s : ReviewerAccountState.None))
            .Where(r => Eligibility is null || r.Eligibility.Overall == Eligibility)
            .ToList();
        Matched = matched.Count;
        var (_, descending) = Sorts.Resolve(list);
        // the database already ordered the profiles by name
        var ordered = descending ? Enumerable.Reverse(matched) : matched;
        var size = list.PageSize;
        var pageCount = Math.Max(1, (Matched + size - 1) / size);
        var page = Math.Clamp(list.Page ?? 1, 1, pageCount);
        Rows = ordered.Skip((page - 1) * size).Take(size).ToList();
        Paging = ListView.Of(new Paged<Row>(Rows, Matched, page, size), Sorts, list, new Dictionary<string, string?>
        {
            ["Status"] = Status, ["Industry"] = Industry, ["Province"] = Province, ["Eligibility"] = Eligibility?.ToString(),
        });
    }

    private static readonly SortMap<ReviewerProfile> Sorts = new SortMap<ReviewerProfile>("name", false, p => p.Id).Add("name", p => p.Name);

    private bool Matches(ReviewerProfile p) => Matches(p, Status, Industry, Province, Today);

    /// <summary>The pool's filters (status, GB/T 4754 门类, province), shared by the page and the Excel export.</summary>
    public static bool Matches(ReviewerProfile p, string? status, string? industry, string? province, DateOnly today)
    {
        var statusOk = status switch
        {
            null or "" => true,
            "Available" => p.IsAvailableOn(today),
            "Expired" => p.TermExpiredOn(today),
            "Nominated" => p.IsNominated,
            _ => Enum.TryParse<ReviewerStatus>(status, out var s) && p.Status == s,
        };
        var industryOk = string.IsNullOrEmpty(industry)
            || p.Industries.Any(c => c == industry || IndustryCatalog.FindDivision(c)?.SectionCode == industry);
        var provinceOk = string.IsNullOrEmpty(province) || p.ProvinceCode == province;
        return statusOk && industryOk && provinceOk;
    }

    public static readonly IReadOnlyList<(string Value, string Name)> StatusChoices =
    [
        ("Candidate", "候选"), ("Nominated", "已提请审议的候选人"), ("Appointed", "已聘用"),
        ("Available", "已聘用且在任期内（可安排评审）"), ("Expired", "任期已届满"), ("Suspended", "暂停"), ("Revoked", "已撤销资格"),
    ];
}
