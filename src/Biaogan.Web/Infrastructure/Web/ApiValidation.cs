using System.ComponentModel.DataAnnotations;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// The data-annotation rules of a page's input model applied to a JSON request built from it, so the API refuses what the
/// page refuses, with the same Chinese message.
/// </summary>
public static class ApiValidation
{
    /// <summary>The first broken rule's message, or null when the model is valid.</summary>
    public static string? FirstError(object model)
    {
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true)
            ? null : results[0].ErrorMessage;
    }
}
