using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Biaogan.Web.Infrastructure.Files;

/// <summary>
/// A stored file as a response, for minimal APIs (IResult) and pages (IActionResult). The bytes are looked up only
/// when the response is written; a missing blob (deleted, or on another node's disk) is a 404 with a Chinese message —
/// problem+json under /api, the site's error page elsewhere — never a 500.
/// </summary>
public sealed class StoredFileResult(StoredFile file, bool inline = false) : IResult, IActionResult
{
    public const string MissingMessage = "文件内容在存储中找不到（可能已被清理或存储未同步）。请联系管理员，或请上传者重新上传该文件。";

    public async Task ExecuteAsync(HttpContext http)
    {
        var store = http.RequestServices.GetRequiredService<IFileStore>();
        var stream = await store.OpenReadAsync(file.StorageKey, http.RequestAborted);
        if (stream is null)
        {
            http.RequestServices.GetRequiredService<ILogger<StoredFileResult>>()
                .LogWarning("文件 {Id} 的内容 {Key} 在存储中不存在", file.Id, file.StorageKey);
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            if (http.Request.Path.StartsWithSegments("/api"))
                await Results.Problem(statusCode: 404, title: "文件不存在", detail: MissingMessage).ExecuteAsync(http);
            // Pages: the status-code page (/Error?code=404) explains in Chinese.
            return;
        }
        await using (stream)
        {
            var name = inline ? null : file.FileName;
            if (stream.CanSeek)
            {
                await Results.File(stream, file.ContentType, name, enableRangeProcessing: true).ExecuteAsync(http);
                return;
            }
            // An object-store stream: no ranges, but the length is known from the row.
            http.Response.ContentType = file.ContentType;
            http.Response.ContentLength = file.Size;
            if (name is not null)
            {
                var disposition = new ContentDispositionHeaderValue("attachment");
                disposition.SetHttpFileName(name);
                http.Response.Headers.ContentDisposition = disposition.ToString();
            }
            await stream.CopyToAsync(http.Response.Body, 128 * 1024, http.RequestAborted);
        }
    }

    Task IActionResult.ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
