using System.Net;
using System.Text.Json;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Awards;
using Biaogan.Web.Infrastructure.Files;

namespace Biaogan.Tests.Files;

/// <summary>Two app instances on one database act as two nodes of one site.</summary>
public class SeveralNodesTests
{
    [S3Fact]
    public async Task A_file_uploaded_through_one_node_downloads_through_another_with_the_object_store()
    {
        await using var node1 = new NodeFactory("s3");
        await using var node2 = new NodeFactory("s3", sameSiteAs: node1);
        var applicant = await Cast.ApplicantAsync(node1, "双节点申报有限公司");
        var id = await ApplicationsBuilders.DraftAsync(node1, applicant);
        var file = await StreamingUploadTests.UploadPdfAsync(await (await Cast.SignInAsync(node1, applicant)).ApiAsync(), id);

        var onNode2 = await (await Cast.SignInAsync(node2, applicant)).ApiAsync();
        var download = await onNode2.GetAsync(file.GetProperty("downloadUrl").GetString());

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(SampleFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_file_whose_bytes_this_node_does_not_have_is_a_Chinese_404_not_a_500()
    {
        // Two nodes each with its own local folder: the case the object store exists for.
        await using var node1 = new NodeFactory("local");
        await using var node2 = new NodeFactory("local", sameSiteAs: node1);
        var applicant = await Cast.ApplicantAsync(node1, "单机存储申报有限公司");
        var id = await ApplicationsBuilders.DraftAsync(node1, applicant);
        var file = await StreamingUploadTests.UploadPdfAsync(await (await Cast.SignInAsync(node1, applicant)).ApiAsync(), id);
        var signedIn = await Cast.SignInAsync(node2, applicant);

        var api = await (await signedIn.ApiAsync()).GetAsync(file.GetProperty("downloadUrl").GetString());
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(StoredFileResult.MissingMessage, problem.GetProperty("detail").GetString());

        var page = await signedIn.Http.GetAsync($"/Applications/Files/{file.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_certificate_revoked_on_one_node_verifies_as_revoked_on_another_at_once()
    {
        await using var node1 = new NodeFactory("local");
        await using var node2 = new NodeFactory("local", sameSiteAs: node1);
        var winner = await AwardsTestKit.WinnerAsync(node1, "双节点核验有限公司");
        var url = $"/Public/Verify/{winner.Award.CertificateNumber}?code={winner.Award.VerificationCode}";
        var before = PageClient.Text(await Cast.Anonymous(node2).GetAsync(url));
        Assert.Contains("证书真实", before);
        Assert.DoesNotContain("已撤销", before); // now in node 2's output cache

        // The leading group's decision on a case, recorded on node 1.
        await SupervisionKit.RevokeAsync(node1, winner.Award.Id, "获奖后发生重大质量事故，经确认撤销称号。");

        var page = await Cast.Anonymous(node2).GetAsync(url);
        Assert.Contains("证书真实，但标杆称号已撤销", PageClient.Text(page));
        Assert.Contains("已撤销", PageClient.Text(await Cast.Anonymous(node2).GetAsync("/Public/Benchmarks")));
    }

    [Fact]
    public async Task Failed_sign_ins_of_an_unknown_address_spread_over_two_nodes_lock_it_after_five_tries_as_a_real_account()
    {
        await using var node1 = new NodeFactory("local");
        await using var node2 = new NodeFactory("local", sameSiteAs: node1);
        var ghost = AccountsTestKit.NewEmail("ghost-two-nodes");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var (_, answer) = await Cast.LogInAsync(attempt % 2 == 1 ? node1 : node2, ghost, "WrongPass2026x");
            // Three tries on node 1 and two on node 2: only the fifth locks, as for a real account.
            Assert.Equal(attempt == 5, answer.Errors.Any(e => e.Contains("已被暂时锁定")));
        }
    }
}
