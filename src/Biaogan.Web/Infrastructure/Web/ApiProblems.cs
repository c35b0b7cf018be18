using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// Problem+json answers of the API as typed results: each kind carries its status in its type, so a handler that
/// returns <c>Results&lt;Ok&lt;T&gt;, NotFoundProblem&gt;</c> shows both responses in the OpenAPI document, while the
/// body stays exactly what <c>Results.Problem(...)</c> wrote (title, detail, any extensions such as <c>problems</c>).
/// </summary>
public abstract class StatusProblem(int status, string title, string detail, IDictionary<string, object?>? extensions)
    : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public string Title => title;

    public string Detail => detail;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions).ExecuteAsync(httpContext);

    protected static void Produces(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>400: the request itself is malformed (a parameter missing or in the wrong format).</summary>
public sealed class BadRequestProblem(string title, string detail) : StatusProblem(400, title, detail, null), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Produces(builder, 400);
}

/// <summary>403: the caller may see the record but not do this with it.</summary>
public sealed class ForbiddenProblem(string title, string detail) : StatusProblem(403, title, detail, null), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Produces(builder, 403);
}

/// <summary>404: not there, or not the caller's to see (never 403, so its existence is not revealed).</summary>
public sealed class NotFoundProblem(string title, string detail) : StatusProblem(404, title, detail, null), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Produces(builder, 404);
}

/// <summary>409: the state changed underneath the caller (someone else got there first).</summary>
public sealed class ConflictProblem(string title, string detail) : StatusProblem(409, title, detail, null), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Produces(builder, 409);
}

/// <summary>422: well-formed but against a rule of the programme; <c>extensions</c> may list what is missing.</summary>
public sealed class RuleProblem(string title, string detail, IDictionary<string, object?>? extensions = null)
    : StatusProblem(422, title, detail, extensions), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Produces(builder, 422);
}
