namespace Biaogan.Tests.Infrastructure;

/// <summary>The public complaint form as a person fills it in (/Public/Complaints): open, take some time, submit.</summary>
public static class ComplaintKit
{
    public const string DefaultGrounds = "2026年11月在某商场看到该企业的电饭煲包装上印有全国用户满意标杆标识，未注明年份，让人误以为产品获奖。";

    public static async Task<FormResult> ComplainAsync(AppFactory app, PageClient who, Guid? awardId = null, string? company = null,
        string subject = "LogoMisuse", string? misuse = "OnProduct", string name = "李明", string phone = "13712345678",
        string? email = "liming@example.cn", string grounds = DefaultGrounds, TimeSpan? fillTime = null,
        IDictionary<string, string?>? extra = null, IEnumerable<UploadFile>? files = null)
    {
        var page = await who.GetAsync("/Public/Complaints");
        app.Clock.Advance(fillTime ?? TimeSpan.FromSeconds(30));
        var fields = new Dictionary<string, string?>
        {
            ["Input.Subject"] = subject, ["Input.MisuseKind"] = misuse, ["Input.AwardId"] = awardId?.ToString() ?? "", ["Input.CompanyName"] = company,
            ["Input.Name"] = name, ["Input.Phone"] = phone, ["Input.Email"] = email, ["Input.Grounds"] = grounds, ["Input.Declaration"] = "true",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) fields[k] = v;
        return await who.SubmitAsync(page, fields, files: files);
    }

    /// <summary>The look-up page's answer for a receipt number and phone.</summary>
    public static async Task<string> LookUpAsync(PageClient who, string number, string phone = "13712345678") =>
        (await who.SubmitAsync("/Public/Complaints/Receipt", new Dictionary<string, string?> { ["Number"] = number, ["Phone"] = phone })).Text;
}
