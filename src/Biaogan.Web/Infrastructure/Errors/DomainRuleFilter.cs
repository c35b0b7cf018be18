using Biaogan.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Web.Infrastructure.Errors;

/// <summary>The one place a broken rule becomes a form error on a page (the API has <see cref="ApiExceptionHandler"/>).</summary>
public sealed class DomainRuleFilter : IAsyncPageFilter
{
    public const string ConcurrencyMessage =
        "您编辑期间，这条记录已被他人修改并保存。您填写的内容仍保留在下方；请刷新页面查看最新内容，核对后再次保存。";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled) return;
        if (context.HandlerInstance is not AppPageModel page) return;
        var message = executed.Exception switch
        {
            DomainRuleException rule => rule.Message,
            Files.UploadTooLargeException big => big.Message,
            DbUpdateConcurrencyException => ConcurrencyMessage,
            _ => null,
        };
        if (message is null) return;
        page.ModelState.AddModelError(string.Empty, message);
        executed.ExceptionHandled = true;
        executed.Result = await page.RedisplayAsync();
    }
}
