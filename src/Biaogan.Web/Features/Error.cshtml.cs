using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Biaogan.Web.Features;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "系统处理您的请求时出现意外错误，已记录日志。您填写的内容可能未保存，请返回上一页检查后重试。";
    public string RequestId { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        // After an exception the handler may have set a 4xx for bad input (ApiExceptionHandler).
        code ??= Response.StatusCode is >= 400 and < 500 ? Response.StatusCode : null;
        (Title, Message) = code switch
        {
            400 => ("请求无效", "页面已过期或请求格式不正确。请返回上一页，刷新后重新提交；如您已登录超时，请重新登录。"),
            403 => ("没有权限", "您没有权限访问该页面或资料。如认为有误，请联系活动办公室。"),
            404 => ("页面不存在", "您要访问的页面或资料不存在，可能已被删除，或链接有误。"),
            413 => ("提交的内容过大", "上传的文件或填写的内容超过了允许的大小：文件请压缩或拆分后重新上传，文字请删减后重新提交。"),
            415 => ("请求格式不受支持", "页面提交的格式不正确。请返回上一页，刷新后重新提交。"),
            429 => ("操作过于频繁", "请稍候一分钟再试。"),
            _ => (Title, Message),
        };
        if (code is >= 400 and < 600) Response.StatusCode = code.Value;
    }
}
