using Biaogan.Tests.Infrastructure;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Biaogan.Tests.Architecture;

/// <summary>
/// A class marked <see cref="NoDatabaseAttribute"/> runs only in the SQLite pass of the suite, so it must really be
/// independent of the database: read from the compiled test assembly (IL), none of its methods, lambdas or async state
/// machines may use an app factory, the test database or an EF Core context.
/// </summary>
[NoDatabase]
public sealed class NoDatabaseTraitTests
{
    private static readonly string[] DatabaseTypes =
    [
        "Biaogan.Tests.Infrastructure.AppFactory", "Biaogan.Tests.Infrastructure.TestDatabase",
        "Microsoft.EntityFrameworkCore.DbContext", "Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory`1",
    ];

    [Fact]
    public void No_class_marked_as_needing_no_database_uses_an_app_or_a_database()
    {
        using var module = Read();
        var marked = module.Types.Where(t => t.CustomAttributes.Any(a => a.AttributeType.Name == nameof(NoDatabaseAttribute))).ToList();
        Assert.True(marked.Count >= 30, $"only {marked.Count} classes are marked; the attribute is not being read");
        var uses = marked.SelectMany(t => DatabaseUses(t).Select(u => $"{t.FullName} → {u}")).Distinct().ToList();
        Assert.True(uses.Count == 0, "marked [NoDatabase] but uses a database: " + string.Join("；", uses));
    }

    [Fact]
    public void The_check_sees_a_class_that_starts_an_app()
    {
        using var module = Read();
        var withApp = module.Types.Single(t => t.FullName == "Biaogan.Tests.Security.AuthorizationMatrixTests");
        Assert.NotEmpty(DatabaseUses(withApp));
    }

    /// <summary>The test assembly, resolving what it references from the folder it runs in.</summary>
    private static ModuleDefinition Read()
    {
        var path = typeof(NoDatabaseTraitTests).Assembly.Location;
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(path)!);
        return ModuleDefinition.ReadModule(path, new ReaderParameters { AssemblyResolver = resolver });
    }

    private static IEnumerable<string> DatabaseUses(TypeDefinition type)
    {
        foreach (var t in Nested(type))
        {
            foreach (var i in t.Interfaces)
                if (IsDatabase(i.InterfaceType)) yield return i.InterfaceType.FullName;
            foreach (var m in t.Methods)
            {
                foreach (var p in m.Parameters)
                    if (IsDatabase(p.ParameterType)) yield return p.ParameterType.FullName;
                if (!m.HasBody) continue;
                foreach (var ins in m.Body.Instructions)
                {
                    var used = ins.Operand switch
                    {
                        MemberReference { DeclaringType: { } d } => d,
                        TypeReference r => r,
                        _ => null,
                    };
                    if (used is not null && IsDatabase(used)) yield return used.FullName;
                }
                foreach (var v in m.Body.Variables)
                    if (IsDatabase(v.VariableType)) yield return v.VariableType.FullName;
            }
        }
    }

    private static IEnumerable<TypeDefinition> Nested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(Nested)];

    /// <summary>The type, a generic argument of it, or a base type of either is one of <see cref="DatabaseTypes"/>.</summary>
    private static bool IsDatabase(TypeReference? type)
    {
        if (type is null) return false;
        if (type is GenericInstanceType g && g.GenericArguments.Any(IsDatabase)) return true;
        for (var t = Resolve(type); t is not null; t = Resolve(t.BaseType))
        {
            var name = t.FullName;
            if (DatabaseTypes.Contains(name)) return true;
        }
        return DatabaseTypes.Contains(type.GetElementType().FullName);
    }

    private static TypeDefinition? Resolve(TypeReference? type)
    {
        if (type is null) return null;
        try { return type.GetElementType().Resolve(); }
        catch (AssemblyResolutionException) { return null; }
    }
}
