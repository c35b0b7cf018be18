namespace Biaogan.Web.Features.DocumentReview.Calibration;

/// <summary>
/// Solves the weighted least-squares problem
///   min Σ w_ra (y_ra − c_a − b_r)² + λ Σ b_r²      (c_a = μ + θ_a)
/// exactly, over the calibrated components. Setting ∂/∂c_a = 0 gives c_a = Σ_r w_ra (y_ra − b_r) / W_a; substituting it
/// leaves a reviewer-sized system (L + λI) b = g, where L = diag(D) − B W⁻¹ Bᵀ is the weighted Laplacian of the
/// reviewer–reviewer graph (reviewers linked by shared applications) and g_r = Σ_a w_ra (y_ra − ȳ_a). L is symmetric
/// positive semi-definite with the per-component constants as null space, and g sums to zero in every component, so
/// the system is consistent. Jacobi-preconditioned conjugate gradients solves it matrix-free in O(scores) per
/// iteration; the caller then centres b per component (Σ b_r = 0, which the exact ridge solution already satisfies).
/// </summary>
internal static class SeveritySolver
{
    public readonly record struct Solution(double[] Severity, int Iterations, bool Converged);

    public static Solution Solve(ScoreGraph g, bool[] appActive, bool[] reviewerActive, double lambda,
        double tolerance, int maxIterations)
    {
        var apps = g.Applications.Length;
        var reviewers = g.Reviewers.Length;
        var appWeight = new double[apps];
        var appMean = new double[apps];
        for (var a = 0; a < apps; a++)
        {
            if (!appActive[a]) continue;
            double w = 0, wy = 0;
            for (var o = g.AppStart[a]; o < g.AppStart[a + 1]; o++)
            {
                w += g.Weight[o];
                wy += g.Weight[o] * g.Value[o];
            }
            appWeight[a] = w;
            appMean[a] = wy / w;
        }

        var degree = new double[reviewers];
        var precondition = new double[reviewers];
        var rhs = new double[reviewers];
        for (var r = 0; r < reviewers; r++)
        {
            if (!reviewerActive[r]) { precondition[r] = 1; continue; }
            double d = 0, self = 0, gr = 0;
            foreach (var o in g.ObservationsOf(r))
            {
                var w = g.Weight[o];
                var a = g.ObsApp[o];
                d += w;
                self += w * w / appWeight[a];
                gr += w * (g.Value[o] - appMean[a]);
            }
            degree[r] = d;
            rhs[r] = gr;
            var diagonal = d + lambda - self;
            precondition[r] = diagonal > 1e-12 * (d + lambda) ? 1.0 / diagonal : 1.0;
        }

        var x = new double[reviewers];
        var residual = (double[])rhs.Clone();
        var target = tolerance * Norm(rhs);
        if (Norm(residual) <= target) return new Solution(x, 0, true);

        var z = Multiply(residual, precondition);
        var p = (double[])z.Clone();
        var product = new double[reviewers];
        var through = new double[apps];
        var rz = Dot(residual, z);
        for (var k = 1; k <= maxIterations; k++)
        {
            Apply(g, appActive, reviewerActive, appWeight, degree, lambda, p, product, through);
            var curvature = Dot(p, product);
            if (!(curvature > 0)) return new Solution(x, k, Norm(residual) <= target);
            var alpha = rz / curvature;
            for (var r = 0; r < reviewers; r++)
            {
                x[r] += alpha * p[r];
                residual[r] -= alpha * product[r];
            }
            if (Norm(residual) <= target) return new Solution(x, k, true);
            for (var r = 0; r < reviewers; r++) z[r] = residual[r] * precondition[r];
            var rzNext = Dot(residual, z);
            var beta = rzNext / rz;
            rz = rzNext;
            for (var r = 0; r < reviewers; r++) p[r] = z[r] + beta * p[r];
        }
        return new Solution(x, maxIterations, false);
    }

    /// <summary>product = (L + λI) p, through = W⁻¹ Bᵀ p (each application's weighted mean of its reviewers' p).</summary>
    private static void Apply(ScoreGraph g, bool[] appActive, bool[] reviewerActive, double[] appWeight, double[] degree,
        double lambda, double[] p, double[] product, double[] through)
    {
        for (var a = 0; a < through.Length; a++)
        {
            if (!appActive[a]) continue;
            double s = 0;
            for (var o = g.AppStart[a]; o < g.AppStart[a + 1]; o++) s += g.Weight[o] * p[g.ObsReviewer[o]];
            through[a] = s / appWeight[a];
        }
        for (var r = 0; r < product.Length; r++)
        {
            if (!reviewerActive[r]) { product[r] = 0; continue; }
            double s = 0;
            foreach (var o in g.ObservationsOf(r)) s += g.Weight[o] * through[g.ObsApp[o]];
            product[r] = (degree[r] + lambda) * p[r] - s;
        }
    }

    private static double[] Multiply(double[] x, double[] y)
    {
        var z = new double[x.Length];
        for (var i = 0; i < x.Length; i++) z[i] = x[i] * y[i];
        return z;
    }

    private static double Dot(double[] x, double[] y)
    {
        double s = 0;
        for (var i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    private static double Norm(double[] x) => Math.Sqrt(Dot(x, x));
}
