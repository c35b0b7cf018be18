namespace Biaogan.Web.Features.DocumentReview.Calibration;

/// <summary>Settings of the calibration model (评审员宽严校准). The defaults suit a cycle of a few dozen applications.</summary>
public sealed record CalibrationOptions
{
    public static CalibrationOptions Default { get; } = new();

    /// <summary>
    /// λ ≥ 0, the ridge on severities. λ = 0 is plain least squares. λ &gt; 0 is the Bayesian variant: a Gaussian prior
    /// b_r ~ N(0, τ²) on each reviewer's severity with score noise ε ~ N(0, σ²) gives the posterior mode at λ = σ²/τ²
    /// (e.g. noise σ ≈ 2 points and severities mostly within ±8, τ ≈ 4, gives λ ≈ 0.25). It pulls reviewers with few
    /// scores towards zero instead of letting one sheet decide their severity.
    /// </summary>
    public double SeverityShrinkage { get; init; }

    /// <summary>A component with fewer reviewers than this is not calibrated.</summary>
    public int MinReviewers { get; init; } = 2;

    /// <summary>A component with fewer applications than this is not calibrated.</summary>
    public int MinApplications { get; init; } = 3;

    /// <summary>A component with fewer reviewers who scored two or more of its applications than this is not calibrated.</summary>
    public int MinSharedReviewers { get; init; } = 1;

    /// <summary>Conjugate-gradient stopping rule: residual norm ≤ Tolerance × right-hand-side norm.</summary>
    public double Tolerance { get; init; } = 1e-10;

    public int MaxIterations { get; init; } = 10_000;

    internal void Validate()
    {
        if (!double.IsFinite(SeverityShrinkage) || SeverityShrinkage < 0)
            throw new ArgumentException("宽严收缩系数 λ 必须是不小于 0 的数。", nameof(SeverityShrinkage));
        if (MinReviewers < 1 || MinApplications < 1 || MinSharedReviewers < 0)
            throw new ArgumentException("可校准子图的最小评审员数、申报数须至少为 1，共同评审员数不能为负。");
        if (!(Tolerance > 0) || MaxIterations < 1)
            throw new ArgumentException("求解精度须为正数，最大迭代次数须至少为 1。");
    }
}
