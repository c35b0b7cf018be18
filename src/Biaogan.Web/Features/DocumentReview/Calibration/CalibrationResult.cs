namespace Biaogan.Web.Features.DocumentReview.Calibration;

/// <summary>
/// One application's scores before and after calibration, in the unit of the input (points of the standard for item
/// sheets). <see cref="CalibratedScore"/> = μ + θ_a; for an application in a component too small to calibrate it is
/// the raw mean and <see cref="Explanation"/> says why.
/// </summary>
/// <param name="RawMean">Plain mean of its reviewers' sheet scores (原始平均分).</param>
/// <param name="CalibratedScore">μ + θ_a, the score with each reviewer's severity removed (校准分).</param>
/// <param name="Effect">θ_a: the calibrated score minus the overall mean μ.</param>
/// <param name="StdDev">Population standard deviation of its sheet scores (0 with one reviewer).</param>
public sealed record ApplicationCalibration(
    Guid Application, double RawMean, double CalibratedScore, double Effect, bool IsCalibrated,
    double MinScore, double MaxScore, double StdDev, int ReviewerCount,
    int Component, int ComponentReviewerCount, int ComponentApplicationCount, string? Explanation);

/// <summary>
/// A reviewer's severity b_r (宽严程度): positive = more lenient than the component's average reviewer (偏宽),
/// negative = harsher (偏严), in score units. Null when the reviewer's component is too small to calibrate.
/// </summary>
/// <param name="StandardError">
/// Approximate standard error σ̂ / √(D²/S + λ), with D = Σ w over applications the reviewer shares with others and
/// S = Σ (w + w²/(W_a − w)); it treats the other reviewers' severities as known, so it is slightly optimistic for
/// reviewers in small components. Null when the residual variance cannot be estimated.
/// </param>
public sealed record ReviewerSeverity(Guid Reviewer, double? Severity, double? StandardError, int ScoreCount, int Component);

/// <summary>A connected component of the reviewer–application graph (评审关系子图). Severities are centred within it.</summary>
/// <param name="SharedReviewerCount">Reviewers who scored two or more of its applications; they carry the comparison.</param>
public sealed record ScoreComponent(int Id, int ReviewerCount, int ApplicationCount, int ScoreCount,
    int SharedReviewerCount, bool TooSmallToCalibrate, string? Explanation);

/// <summary>The fitted model: per application, per reviewer and per component, plus solver diagnostics.</summary>
public sealed class CalibrationResult
{
    private readonly Dictionary<Guid, ApplicationCalibration> byApplication;
    private readonly Dictionary<Guid, ReviewerSeverity> byReviewer;

    internal CalibrationResult(double mu, double? residualStdDev, int iterations, bool converged, double shrinkage,
        IReadOnlyList<ApplicationCalibration> applications, IReadOnlyList<ReviewerSeverity> reviewers,
        IReadOnlyList<ScoreComponent> components)
    {
        Mu = mu;
        ResidualStdDev = residualStdDev;
        Iterations = iterations;
        Converged = converged;
        SeverityShrinkage = shrinkage;
        Applications = applications;
        Reviewers = reviewers;
        Components = components;
        byApplication = applications.ToDictionary(a => a.Application);
        byReviewer = reviewers.ToDictionary(r => r.Reviewer);
    }

    /// <summary>μ: the weighted mean of every sheet score (0 when there are none).</summary>
    public double Mu { get; }

    /// <summary>σ̂: residual standard deviation of a complete sheet over the calibrated components; null without spare degrees of freedom.</summary>
    public double? ResidualStdDev { get; }

    public int Iterations { get; }

    /// <summary>Whether conjugate gradients reached the tolerance. False means the scores should not be trusted.</summary>
    public bool Converged { get; }

    public double SeverityShrinkage { get; }

    /// <summary>Ordered by application id.</summary>
    public IReadOnlyList<ApplicationCalibration> Applications { get; }

    /// <summary>Ordered by reviewer id.</summary>
    public IReadOnlyList<ReviewerSeverity> Reviewers { get; }

    /// <summary>Ordered by id (1 = the component with the most applications).</summary>
    public IReadOnlyList<ScoreComponent> Components { get; }

    public ApplicationCalibration? ForApplication(Guid application) => byApplication.GetValueOrDefault(application);

    public ReviewerSeverity? ForReviewer(Guid reviewer) => byReviewer.GetValueOrDefault(reviewer);

    /// <summary>Ranking per category; see <see cref="CalibratedRanking.ByCategory{TCategory}"/>.</summary>
    public IReadOnlyList<CategoryRanking<TCategory>> RankByCategory<TCategory>(
        IReadOnlyDictionary<Guid, TCategory> categoryOf, int decimals = CalibratedRanking.DefaultDecimals)
        where TCategory : notnull =>
        CalibratedRanking.ByCategory(Applications, categoryOf, decimals);
}
