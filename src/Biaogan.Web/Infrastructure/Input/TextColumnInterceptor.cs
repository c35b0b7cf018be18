using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Biaogan.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Biaogan.Web.Infrastructure.Input;

/// <summary>
/// The last line of defence for text, the same on SQLite and PostgreSQL: before anything is saved, every added or changed
/// string is checked against <see cref="TextRules"/> and against its column's maximum length in the EF model. A refused
/// value is a <see cref="DomainRuleException"/> naming the field (pages show it on the form with what was typed, the API
/// answers 422) instead of a PostgreSQL error (a 500) or, on SQLite, an over-long value stored whole.
/// </summary>
public sealed class TextColumnInterceptor : SaveChangesInterceptor
{
    public static readonly TextColumnInterceptor Instance = new();

    private static readonly ConcurrentDictionary<IReadOnlyPropertyBase, string?> Names = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            var added = entry.State == EntityState.Added;
            foreach (var p in entry.Properties) CheckValue(p, added);
            foreach (var c in entry.ComplexProperties) CheckComplex(c, added);
        }
    }

    private static void CheckComplex(ComplexPropertyEntry complex, bool added)
    {
        foreach (var p in complex.Properties) CheckValue(p, added);
        foreach (var c in complex.ComplexProperties) CheckComplex(c, added);
    }

    private static void CheckValue(PropertyEntry p, bool added)
    {
        if (p.CurrentValue is not string text || (!added && !p.IsModified)) return;
        if (TextRules.IsRefused(text)) throw new DomainRuleException(TextRules.Message(Name(p.Metadata), text));
        if (p.Metadata.GetMaxLength() is { } max && text.Length > max)
        {
            var name = Name(p.Metadata);
            var what = name is null ? $"以“{TextRules.Excerpt(text)}”开头的这项内容" : $"“{name}”";
            throw new DomainRuleException($"{what}共 {text.Length} 个字符，超过了最多 {max} 个字符的限制。请删减到 {max} 个字符以内后再保存。");
        }
    }

    /// <summary>The [Display] name of the entity property, if it has one; the model's C# names are not shown to people.</summary>
    private static string? Name(IReadOnlyPropertyBase property) => Names.GetOrAdd(property, p =>
        p.PropertyInfo?.GetCustomAttribute<DisplayAttribute>()?.GetName());
}
