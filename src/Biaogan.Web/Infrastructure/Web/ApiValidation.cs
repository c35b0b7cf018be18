using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// The data annotations of a page's input class, checked for an API request built from the same fields: the API refuses
/// what the form refuses, with the same Chinese messages, keyed by the field's name in camelCase.
/// </summary>
public static class ApiValidation
{
    /// <summary>The errors per field, or null when the input is valid.</summary>
    public static Dictionary<string, string[]>? Errors(object input)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true)) return null;
        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Field: CamelCase(m), Message: r.ErrorMessage ?? "输入有误。")))
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
    }

    /// <summary>The first broken rule's message, or null when the input is valid (for a problem with one sentence).</summary>
    public static string? FirstError(object input) => Errors(input)?.Values.First()[0];

    public static ValidationProblem Problem(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "输入有误", detail: "请按提示修改后重新提交。");

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
