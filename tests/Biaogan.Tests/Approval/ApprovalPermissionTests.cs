using System.Net;
using Biaogan.Tests.Infrastructure;

namespace Biaogan.Tests.Approval;

/// <summary>A permission failure on the approval page is a 403 (the AccessDenied page), never a form error.</summary>
public class ApprovalPermissionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("Start")]
    [InlineData("Decide")]
    [InlineData("Finalise")]
    public async Task A_committee_member_posting_an_office_action_is_sent_to_the_access_denied_page(string handler)
    {
        var member = await Cast.SignInAsync(app, await PublicNoticeKit.CommitteeMemberAsync(app, "郑审定" + handler));
        var page = await member.GetAsync("/Approval");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new Xunit.Sdk.XunitException("The approval page carries no antiforgery token.");

        var response = await member.NoRedirects.PostAsync($"/Approval?handler={handler}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"expected a redirect, got {(int)response.StatusCode}");
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
    }
}
