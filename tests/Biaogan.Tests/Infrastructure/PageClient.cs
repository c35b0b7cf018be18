using System.Net;
using System.Net.Http.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Biaogan.Tests.Infrastructure;

/// <summary>A file to post with a form: field name, file name, bytes, content type as the browser claims.</summary>
public sealed record UploadFile(string Field, string FileName, byte[] Content, string ContentType = "application/octet-stream");

/// <summary>
/// Drives the Razor pages the way a browser does: fetches a page, fills its form (keeping hidden fields
/// such as the antiforgery token and concurrency version), posts it and follows redirects, with cookies.
/// </summary>
public sealed class PageClient(HttpClient http, HttpClient noRedirects)
{
    public HttpClient Http { get; } = http;

    /// <summary>The same browser (same cookies), but redirects are returned rather than followed — to see where a request is sent.</summary>
    public HttpClient NoRedirects { get; } = noRedirects;

    /// <summary>
    /// <see cref="Http"/> with the antiforgery header the API requires for writes (token from GET /api/antiforgery,
    /// which belongs to the signed-in person: fetch it again after signing in anew).
    /// </summary>
    public async Task<HttpClient> ApiAsync()
    {
        var token = await Http.GetFromJsonAsync<AntiforgeryToken>("/api/antiforgery");
        Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token!.Token);
        return Http;
    }

    private sealed record AntiforgeryToken(string Token, string Header);

    public async Task<IDocument> GetAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(url);
        var doc = await ParseAsync(response);
        if (response.StatusCode != expected)
            throw new Xunit.Sdk.XunitException($"GET {url}: expected {(int)expected}, got {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}\n{Text(doc)[..Math.Min(1500, Text(doc).Length)]}");
        return doc;
    }

    /// <summary>Fetches <paramref name="url"/>, fills the form matched by <paramref name="formSelector"/>, and posts it.</summary>
    public async Task<FormResult> SubmitAsync(string url, IReadOnlyDictionary<string, string?> fields,
        string formSelector = "main form[method=post]", string? submit = null, IEnumerable<UploadFile>? files = null)
    {
        var page = await GetAsync(url);
        return await SubmitAsync(page, fields, formSelector, submit, files);
    }

    /// <summary>Fills and posts a form of an already fetched page (e.g. after changing nothing but one field).</summary>
    public async Task<FormResult> SubmitAsync(IDocument page, IReadOnlyDictionary<string, string?> fields,
        string formSelector = "main form[method=post]", string? submit = null, IEnumerable<UploadFile>? files = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on {page.Url}");
        var values = CollectFields(form);
        foreach (var (k, v) in fields)
        {
            values.RemoveAll(p => p.Key == k);
            if (v is not null) values.Add(new(k, v));
        }
        if (submit is not null)
        {
            var button = form.QuerySelector<IHtmlButtonElement>($"button[name][value='{submit}'], button[formaction*='{submit}']");
            if (button?.Name is { Length: > 0 } n) values.Add(new(n, button.Value));
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(page.Url).PathAndQuery;
        if (submit is not null && form.QuerySelector($"button[formaction*='{submit}']") is { } fa)
            action = fa.GetAttribute("formaction")!;
        HttpContent content;
        var fileList = files?.ToList() ?? [];
        if (fileList.Count > 0 || string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var multi = new MultipartFormDataContent();
            foreach (var (k, v) in values) multi.Add(new StringContent(v), k);
            foreach (var f in fileList)
            {
                var bytes = new ByteArrayContent(f.Content);
                bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(f.ContentType);
                multi.Add(bytes, f.Field, f.FileName);
            }
            content = multi;
        }
        else content = new FormUrlEncodedContent(values);
        var response = await Http.PostAsync(action, content);
        return new FormResult(response, await ParseAsync(response));
    }

    private static List<KeyValuePair<string, string>> CollectFields(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var el in form.Elements)
        {
            switch (el)
            {
                case IHtmlInputElement i when !string.IsNullOrEmpty(i.Name) && !i.IsDisabled:
                    if (i.Type is "submit" or "button" or "file" or "image" or "reset") break;
                    if (i.Type is "checkbox" or "radio" && !i.IsChecked) break;
                    values.Add(new(i.Name!, i.Value));
                    break;
                case IHtmlTextAreaElement t when !string.IsNullOrEmpty(t.Name) && !t.IsDisabled:
                    values.Add(new(t.Name!, t.Value));
                    break;
                case IHtmlSelectElement s when !string.IsNullOrEmpty(s.Name) && !s.IsDisabled:
                    foreach (var o in s.Options.Where(o => o.IsSelected)) values.Add(new(s.Name!, o.Value));
                    break;
            }
        }
        return values;
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    public static string Text(IDocument doc) => doc.Body?.TextContent ?? "";
}

/// <summary>The response to a posted form and the page it ended on after redirects.</summary>
public sealed record FormResult(HttpResponseMessage Response, IDocument Page)
{
    public string Text => PageClient.Text(Page);
    public string Path => Response.RequestMessage?.RequestUri?.AbsolutePath ?? "";

    /// <summary>Error messages shown on the page (validation summary and field errors).</summary>
    public IReadOnlyList<string> Errors => Page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error, .alert-error li")
        .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();
}
