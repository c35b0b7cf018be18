using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Biaogan.Tests.Architecture;

/// <summary>
/// Reads the compiled Biaogan.Web assembly (IL, not source text) and reports which feature uses which: base types,
/// interfaces, fields, properties, events, signatures, generic arguments and constraints, attributes and every type,
/// method and field a method body touches. A partly qualified name (<c>Cycles.CycleStatus</c>) compiles to the full
/// type, so it is seen like any other use. Razor pages compile into AspNetCoreGeneratedDocument and are mapped back
/// to the folder of their .cshtml file.
/// </summary>
public static class FeatureReferences
{
    private const string FeaturesNamespace = "Biaogan.Web.Features";

    /// <summary>Folders whose sub-folders count as features of their own.</summary>
    private static readonly string[] SplitFolders = ["DocumentReview"];

    /// <param name="tolerated">Uses to leave out, by the using type's full name and the feature it uses.</param>
    public static FeatureGraph Read(string assemblyPath, IReadOnlyList<string[]> layers, Func<string, string, bool>? tolerated = null)
    {
        var graph = new FeatureGraph(layers);
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var razorPaths = RazorPaths(module);
        foreach (var type in AllTypes(module))
        {
            var from = FeatureOf(type, razorPaths);
            if (from is null) continue;
            foreach (var (used, where) in Uses(type))
            {
                var to = FeatureOf(used, razorPaths);
                if (to is null || to == from || (tolerated?.Invoke(Name(type), to) ?? false)) continue;
                graph.Add(from, to, $"{Name(type)} {where} {used.FullName}");
            }
        }
        return graph;
    }

    /// <summary>The feature a namespace belongs to: the folder under Features/, or DocumentReview/X.</summary>
    public static string? FeatureOfNamespace(string ns)
    {
        if (ns == FeaturesNamespace) return "Home";
        if (!ns.StartsWith(FeaturesNamespace + ".", StringComparison.Ordinal)) return null;
        var parts = ns[(FeaturesNamespace.Length + 1)..].Split('.');
        return SplitFolders.Contains(parts[0]) && parts.Length > 1 ? parts[0] + "/" + parts[1] : parts[0];
    }

    /// <summary>The feature of a view path such as /Features/DocumentReview/Scoring/Index.cshtml.</summary>
    public static string? FeatureOfViewPath(string path)
    {
        var parts = path.TrimStart('/').Split('/');
        if (parts.Length < 2 || parts[0] != "Features") return null;
        if (parts.Length == 2) return "Home"; // /Features/Index.cshtml, _ViewStart, _ViewImports
        return SplitFolders.Contains(parts[1]) && parts.Length > 3 ? parts[1] + "/" + parts[2] : parts[1];
    }

    private static string? FeatureOf(TypeReference type, Dictionary<string, string> razorPaths)
    {
        while (type.IsNested) type = type.DeclaringType;
        if (razorPaths.TryGetValue(type.FullName, out var view)) return FeatureOfViewPath(view);
        return FeatureOfNamespace(type.Namespace);
    }

    private static Dictionary<string, string> RazorPaths(ModuleDefinition module)
    {
        // [assembly: RazorCompiledItem(typeof(AspNetCoreGeneratedDocument.Features_X_Page), "mvc.1.0.razor-page", "/Features/X/Page.cshtml")]
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in module.Assembly.CustomAttributes.Where(a => a.AttributeType.Name == "RazorCompiledItemAttribute"))
            if (a.ConstructorArguments is [{ Value: TypeReference t }, _, { Value: string path }])
                paths[t.FullName] = path;
        return paths;
    }

    private static IEnumerable<TypeDefinition> AllTypes(ModuleDefinition module)
    {
        var stack = new Stack<TypeDefinition>(module.Types);
        while (stack.Count > 0)
        {
            var t = stack.Pop();
            yield return t;
            foreach (var n in t.NestedTypes) stack.Push(n);
        }
    }

    private static IEnumerable<(TypeReference Used, string Where)> Uses(TypeDefinition type)
    {
        var found = new List<(TypeReference, string)>();
        void Add(TypeReference? t, string where)
        {
            foreach (var u in Flatten(t)) found.Add((u, where));
        }
        void Attributes(ICustomAttributeProvider p, string where)
        {
            if (!p.HasCustomAttributes) return;
            foreach (var a in p.CustomAttributes)
            {
                Add(a.AttributeType, where + " [attribute]");
                foreach (var arg in a.ConstructorArguments.Concat(a.Properties.Select(x => x.Argument)).Concat(a.Fields.Select(x => x.Argument)))
                    if (arg.Value is TypeReference tr) Add(tr, where + " [typeof in attribute]");
            }
        }
        void GenericParameters(IGenericParameterProvider p, string where)
        {
            foreach (var g in p.GenericParameters)
                foreach (var c in g.Constraints) Add(c.ConstraintType, where + " [constraint]");
        }

        Add(type.BaseType, "derives from");
        foreach (var i in type.Interfaces) Add(i.InterfaceType, "implements");
        Attributes(type, "has");
        GenericParameters(type, "has");
        foreach (var f in type.Fields) { Add(f.FieldType, $"field {f.Name}:"); Attributes(f, $"field {f.Name}"); }
        foreach (var p in type.Properties) { Add(p.PropertyType, $"property {p.Name}:"); Attributes(p, $"property {p.Name}"); }
        foreach (var e in type.Events) Add(e.EventType, $"event {e.Name}:");
        foreach (var m in type.Methods)
        {
            var where = $"method {m.Name}";
            Add(m.ReturnType, where + " returns");
            Attributes(m, where);
            Attributes(m.MethodReturnType, where + " return");
            GenericParameters(m, where);
            foreach (var p in m.Parameters) { Add(p.ParameterType, where + $" parameter {p.Name}:"); Attributes(p, where + $" parameter {p.Name}"); }
            foreach (var o in m.Overrides) Add(o.DeclaringType, where + " overrides");
            if (!m.HasBody) continue;
            foreach (var v in m.Body.Variables) Add(v.VariableType, where + " local");
            foreach (var ins in m.Body.Instructions) AddOperand(ins, where + " uses", Add);
        }
        return found;
    }

    private static void AddOperand(Instruction ins, string where, Action<TypeReference?, string> add)
    {
        switch (ins.Operand)
        {
            case TypeReference t:
                add(t, where);
                break;
            case MethodReference m:
                add(m.DeclaringType, where);
                add(m.ReturnType, where);
                foreach (var p in m.Parameters) add(p.ParameterType, where);
                if (m is GenericInstanceMethod gm) foreach (var a in gm.GenericArguments) add(a, where);
                break;
            case FieldReference f:
                add(f.DeclaringType, where);
                add(f.FieldType, where);
                break;
        }
    }

    /// <summary>The named types inside a type expression: List&lt;Cycle[]&gt; gives List`1 and Cycle.</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference? t)
    {
        switch (t)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType g:
                yield return g.ElementType;
                foreach (var a in g.GenericArguments) foreach (var x in Flatten(a)) yield return x;
                break;
            case TypeSpecification s: // array, by-ref, pointer, modifiers
                foreach (var x in Flatten(s.ElementType)) yield return x;
                break;
            default:
                yield return t;
                break;
        }
    }

    private static string Name(TypeReference t)
    {
        while (t.IsNested) t = t.DeclaringType;
        return t.FullName;
    }
}
