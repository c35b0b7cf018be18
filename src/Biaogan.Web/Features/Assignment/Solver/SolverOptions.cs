namespace Biaogan.Web.Features.Assignment.Solver;

/// <summary>How the solver searches.</summary>
public sealed record SolverOptions
{
    /// <summary>
    /// Wall-clock limit of the search: the priced 组长 bound (at most half of it) and then CP-SAT (the rest, at least
    /// half). The flows, the warm start and its repair come on top.
    /// </summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>CP-SAT worker threads; 0 = one per processor.</summary>
    public int Workers { get; init; }

    /// <summary>Seed of CP-SAT and of the tie-breaking among equally good candidates (fixed for reproducible plans).</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Reviewers per application offered to CP-SAT besides the warm start: the cheapest ones. 0 = automatic:
    /// every reviewer when applications × reviewers ≤ 50,000, otherwise max(4k, 20). When it covers every usable
    /// reviewer the model is complete and CP-SAT's bound is a bound of the whole problem.
    /// </summary>
    public int CandidatesPerApplication { get; init; }

    /// <summary>When re-solving after changes: cost of moving one kept pair, if the gap cannot be filled otherwise.</summary>
    public int ChangePenalty { get; init; } = 1000;

    internal int CandidateCount(int applications, int reviewers, int k) =>
        CandidatesPerApplication > 0 ? CandidatesPerApplication
        : (long)applications * reviewers <= 50_000 ? reviewers
        : Math.Max(4 * k, 20);

    internal int WorkerCount => Workers > 0 ? Workers : Math.Max(Environment.ProcessorCount, 1);
}

/// <summary>The phases of a solve, in order.</summary>
public enum SolverPhase
{
    /// <summary>检查可行性</summary>
    CheckingFeasibility,
    /// <summary>最小费用流</summary>
    FlowCore,
    /// <summary>修复分组规则</summary>
    Repair,
    /// <summary>CP-SAT 搜索</summary>
    Search,
    /// <summary>完成</summary>
    Finished,
}

/// <summary>A progress report for the office's job page (Chinese message plus the figures).</summary>
/// <param name="Solutions">Solutions found so far by the search.</param>
/// <param name="Objective">Objective of the best solution so far.</param>
/// <param name="BestBound">The best lower bound so far (the flow bound before the search reports one).</param>
public sealed record SolverProgress(SolverPhase Phase, string Message, int Solutions, long? Objective, double? BestBound, TimeSpan Elapsed);

/// <summary>The outcome of a solve.</summary>
public enum AssignmentStatus
{
    /// <summary>Proved optimal.</summary>
    Optimal,
    /// <summary>A solution keeping every hard rule; possibly not optimal (time limit).</summary>
    Feasible,
    /// <summary>No solution exists; the reasons are listed.</summary>
    Infeasible,
    /// <summary>No solution was found within the time limit although none was proved impossible.</summary>
    NotSolved,
}

/// <summary>Figures about the run.</summary>
/// <param name="CompleteModel">CP-SAT saw every usable pair, so its bound is a bound of the whole problem.</param>
/// <param name="WarmStartFeasible">The repaired flow solution kept every hard rule.</param>
/// <param name="SearchStatus">CP-SAT's status (OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN…), or empty when not run.</param>
public sealed record SolverStatistics(
    TimeSpan FlowTime,
    TimeSpan SearchTime,
    int CandidatePairs,
    bool CompleteModel,
    bool WarmStartFeasible,
    long? WarmStartObjective,
    int Solutions,
    string SearchStatus,
    double? SearchBound);
