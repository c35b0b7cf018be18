using System.Net;
using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Accounts;

/// <summary>The app with a public-form limit of three posts a minute.</summary>
public sealed class RateLimitedAppFactory : AppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("RateLimits:PublicFormPerMinute", "3")];
}

public class RateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResendConfirmation")]
    public async Task Public_forms_refuse_too_many_posts_in_a_minute_with_a_chinese_message(string url)
    {
        var client = Cast.Anonymous(app);
        HttpStatusCode last = HttpStatusCode.OK;
        string text = "";
        for (var i = 0; i < 4 && last != HttpStatusCode.TooManyRequests; i++)
        {
            var result = await client.SubmitAsync(url, new Dictionary<string, string?>());
            (last, text) = (result.Response.StatusCode, result.Text + await result.Response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Contains("提交过于频繁", text);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(url)).StatusCode);
    }
}
