namespace Biaogan.Tests.Architecture;

/// <summary>
/// The dependency graph between feature folders, with the two rules of docs/decisions/0027: a feature uses only
/// features of its own layer or a lower one, and no chain of uses ever leads back to where it started (not even
/// inside one layer). Kept apart from the assembly reader so a synthetic graph can prove that each rule fails.
/// </summary>
public sealed class FeatureGraph(IReadOnlyList<string[]> layers)
{
    // from → to → one example of the use (type and member), enough to find it in the code.
    private readonly SortedDictionary<string, SortedDictionary<string, string>> _edges = new(StringComparer.Ordinal);

    public IReadOnlyList<string[]> Layers { get; } = layers;

    public int LayerOf(string feature)
    {
        for (var i = 0; i < Layers.Count; i++) if (Layers[i].Contains(feature)) return i;
        return -1;
    }

    public void Add(string from, string to, string example)
    {
        if (from == to) return;
        if (!_edges.TryGetValue(from, out var targets)) _edges[from] = targets = new(StringComparer.Ordinal);
        targets.TryAdd(to, example);
    }

    public IEnumerable<string> Features =>
        _edges.Keys.Concat(_edges.Values.SelectMany(t => t.Keys)).Distinct().Order(StringComparer.Ordinal);

    public bool Uses(string from, string to) => _edges.TryGetValue(from, out var t) && t.ContainsKey(to);

    /// <summary>Every use, with its example.</summary>
    public IEnumerable<(string From, string To, string Example)> Edges =>
        _edges.SelectMany(e => e.Value.Select(t => (e.Key, t.Key, t.Value)));

    /// <summary>Uses of a higher layer, one line each, with the example that shows where.</summary>
    public IReadOnlyList<string> LayerViolations()
    {
        var found = new List<string>();
        foreach (var (from, targets) in _edges)
            foreach (var (to, example) in targets)
                if (LayerOf(to) > LayerOf(from))
                    found.Add($"{from}（第 {LayerOf(from)} 层 / layer {LayerOf(from)}）使用了更高层的 {to}（第 {LayerOf(to)} 层 / layer {LayerOf(to)}）: {example}");
        return found;
    }

    /// <summary>
    /// Every cycle, one per strongly connected component, written as its path (A → B → A) with the use behind
    /// each step. A component of n features may hold several cycles; breaking the one shown reveals the next.
    /// </summary>
    public IReadOnlyList<string> Cycles()
    {
        var found = new List<string>();
        foreach (var component in StronglyConnectedComponents().Where(c => c.Count > 1))
        {
            var path = ShortestCycleThrough(component.Min(StringComparer.Ordinal)!, component);
            var steps = path.Zip(path.Skip(1), (a, b) => $"    {a} → {b}: {_edges[a][b]}");
            found.Add($"功能之间存在循环依赖 / dependency cycle between features: {string.Join(" → ", path)}" +
                      $"（同一循环中的功能 / features in this cycle: {string.Join(", ", component.Order(StringComparer.Ordinal))}）" + Environment.NewLine +
                      string.Join(Environment.NewLine, steps));
        }
        return found;
    }

    private List<string> ShortestCycleThrough(string start, HashSet<string> within)
    {
        // Breadth-first from start's successors back to start, staying inside the component.
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>();
        foreach (var next in Successors(start).Where(within.Contains)) { previous.TryAdd(next, start); queue.Enqueue(next); }
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node == start) break;
            foreach (var next in Successors(node).Where(within.Contains))
                if (previous.TryAdd(next, node)) queue.Enqueue(next);
        }
        var path = new List<string> { start };
        for (var node = previous[start]; node != start; node = previous[node]) path.Add(node);
        path.Add(start);
        path.Reverse();
        return path;
    }

    private IEnumerable<string> Successors(string node) =>
        _edges.TryGetValue(node, out var t) ? t.Keys : [];

    private List<HashSet<string>> StronglyConnectedComponents()
    {
        // Tarjan's algorithm; the graph has a few dozen nodes, so recursion depth is no concern.
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<HashSet<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v); onStack.Add(v);
            foreach (var w in Successors(v))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new HashSet<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            components.Add(component);
        }
        foreach (var f in Features) if (!index.ContainsKey(f)) Visit(f);
        return components;
    }
}
