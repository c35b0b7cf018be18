using System.IO.Compression;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Biaogan.Tests.Infrastructure;
using Biaogan.Web.Features.Criteria;
using Biaogan.Web.Features.DocumentReview.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Biaogan.Tests.DocumentReview;

/// <summary>
/// The score sheet's weight (issue 13): every item still offers its percentages and every comment row its citation
/// choices, but the band texts and the citation list are sent once for the page, not once per item; pages are
/// compressed for clients that accept Brotli or gzip.
/// </summary>
public class ScoreSheetPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_item_offers_its_percentages_while_the_band_texts_and_citation_choices_are_sent_once()
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "页面甲", size: 1);
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        var url = $"/DocumentReview/Sheet/{review.ApplicationId}";
        var page = await s.GetAsync(url);
        var criteria = await app.WithDbAsync(db => db.Set<CriteriaVersion>().AsNoTracking().FirstAsync(v => v.Key == "T/CAQ 10301-2016"));
        var doc = criteria.Document;
        string[] percents = ["", .. Enumerable.Range(0, 21).Select(i => (i * 5).ToString())];

        var items = doc.Categories.SelectMany(c => c.Items).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var select = page.QuerySelector($"select#pct-{i}[name='Items[{i}].Percent']");
            Assert.NotNull(select);
            Assert.Equal(percents, select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")!));
            Assert.Equal(doc.Bands.Count, select.QuerySelectorAll("optgroup").Length);
            Assert.Equal(items[i].Kind == ItemKind.Process ? "p" : "r", select.GetAttribute("data-kind"));
            Assert.NotNull(page.QuerySelector($"button[data-add-row='Strengths-{i}'][data-template='tpl-Strengths'][data-index='{i}']"));
            Assert.NotNull(page.QuerySelector($"button[data-add-row='Opportunities-{i}'][data-template='tpl-Opportunities'][data-index='{i}']"));
        }

        // The band texts: once, in the JSON island score-sheet.js reads.
        var bands = JsonDocument.Parse(page.QuerySelector("script#score-bands")!.TextContent).RootElement;
        Assert.Equal(doc.Bands.Select(b => (b.MinPercent, b.MaxPercent, b.Process, b.Result)),
            bands.EnumerateArray().Select(b => (b.GetProperty("min").GetInt32(), b.GetProperty("max").GetInt32(),
                b.GetProperty("p").GetString()!, b.GetProperty("r").GetString()!)));
        var html = page.DocumentElement.OuterHtml;
        page.QuerySelector("script#score-bands")!.Remove();
        Assert.DoesNotContain(doc.Bands[3].Process, page.DocumentElement.OuterHtml);

        // The citation choices: every section of the report and every file of the application, once.
        var choices = ((IHtmlTemplateElement)page.QuerySelector("template#citation-options")!).Content
            .QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();
        foreach (var c in doc.Categories) Assert.Contains($"s:{c.Code}", choices);
        Assert.Contains(choices, v => v!.StartsWith("f:", StringComparison.Ordinal));
        Assert.Equal(1, Occurrences(html, $"value=\"s:{doc.Categories[0].Code}\""));
        var rowTemplate = ((IHtmlTemplateElement)page.QuerySelector("template#tpl-Strengths")!).Content;
        Assert.NotNull(rowTemplate.QuerySelector("select[name='Items[__i__].Strengths[__k__].Source'][data-citations]"));

        // A saved citation is shown selected in its row without any script.
        var fields = page.QuerySelectorAll("select[name$='.Percent']").ToDictionary(x => x.GetAttribute("name")!, _ => (string?)"60");
        fields["Items[1].Strengths[n1].Text"] = "投诉闭环处理机制覆盖全部门店";
        fields["Items[1].Strengths[n1].Source"] = $"s:{doc.Categories[0].Code}";
        Assert.Empty((await s.SubmitAsync(page, fields)).Errors);
        page = await s.GetAsync(url);
        var row = page.QuerySelector("#Strengths-1 tbody tr select[data-citations]")!;
        Assert.Equal($"s:{doc.Categories[0].Code}", row.QuerySelector("option[selected]")!.GetAttribute("value"));
        var band = doc.BandFor(60)!;
        Assert.Equal($"{band.Range} 档：{band.DescriptorFor(items[1].Kind)}", page.QuerySelector("#band-1")!.TextContent);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    public async Task The_sheet_is_compressed_for_a_client_that_accepts_it(string accept, string expected)
    {
        var review = await DocumentReviewBuilders.GroupAsync(app, "压缩" + accept, size: 1);
        var s = await Cast.SignInAsync(app, review.Leader.Persona);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/DocumentReview/Sheet/{review.ApplicationId}");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
        using var response = await s.Http.SendAsync(request);
        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream plain = expected == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(plain);
        Assert.Contains(review.ApplicantName, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Sign_in_pages_which_may_show_a_secret_are_never_compressed()
    {
        var anonymous = Cast.Anonymous(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        using var response = await anonymous.Http.SendAsync(request);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("登录", await response.Content.ReadAsStringAsync());
    }

    private static int Occurrences(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
