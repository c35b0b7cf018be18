using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Biaogan.Tests.Infrastructure;

/// <summary>Form values for the application form's tabs, as a person would type them.</summary>
public static class ApplicationsForms
{
    /// <summary>申报条件 tab, complete for the three default years 2023–2025 (files are posted separately).</summary>
    public static Dictionary<string, string?> Conditions(string certificate = "00124Q31234R2L")
    {
        var f = new Dictionary<string, string?>
        {
            ["Input.QmsCertificateNumber"] = certificate, ["Input.QmsCertificationBody"] = "中国质量认证中心",
            ["Input.QmsScope"] = "家用电器的设计、生产和服务", ["Input.QmsExpiry"] = "2028-06-30",
            ["Input.MandatoryCertificationApplies"] = "true",
            ["Input.MandatoryCertifications[0].Name"] = "中国强制性产品认证（CCC）", ["Input.MandatoryCertifications[0].Number"] = "2024010701234567",
            ["Input.DeclaresNoMajorAccident"] = "true", ["Input.DeclaresNoMajorComplaint"] = "true", ["Input.DeclaresNoSeriousViolation"] = "true",
        };
        for (var i = 0; i < 3; i++)
        {
            f[$"Input.Measurements[{i}].Year"] = (2023 + i).ToString();
            f[$"Input.Measurements[{i}].Body"] = "中国质量协会用户委员会";
            f[$"Input.Measurements[{i}].BodyQualification"] = "满意度测评资质证书 CAQ-UC-2019-018";
            f[$"Input.Measurements[{i}].Method"] = "GB/T 19038-2009《顾客满意测评模型和方法指南》";
            f[$"Input.Measurements[{i}].SampleSize"] = "3000";
            f[$"Input.Measurements[{i}].Index"] = (82.5m + i).ToString("0.0");
        }
        return f;
    }

    /// <summary>Posts a tab's form to its autosave handler, as application-form.js does; returns the status and JSON.</summary>
    public static async Task<(int Status, JsonElement Json)> AutosaveAsync(PageClient client, IDocument page, IReadOnlyDictionary<string, string?> fields)
    {
        var form = page.QuerySelector<IHtmlFormElement>("form[data-autosave]")
            ?? throw new Xunit.Sdk.XunitException("页面上没有自动保存的表单");
        form.SetAttribute("action", form.GetAttribute("data-autosave")!);
        form.Enctype = "application/x-www-form-urlencoded";
        var result = await client.SubmitAsync(page, fields, formSelector: "form[data-autosave]");
        var body = await result.Response.Content.ReadAsStringAsync();
        return ((int)result.Response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>The value a form field shows after the page came back (what the person still sees).</summary>
    public static string? ValueOf(IDocument page, string name) => page.QuerySelector($"[name='{name}']") switch
    {
        IHtmlTextAreaElement t => t.Value,
        IHtmlInputElement i => i.Value,
        _ => null,
    };
}
