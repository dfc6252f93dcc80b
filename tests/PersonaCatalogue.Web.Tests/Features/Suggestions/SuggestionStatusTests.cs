using System.Net;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Suggestions;

public class SuggestionStatusTests(SuggestionAppFactory app) : IClassFixture<SuggestionAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_Submitted_ShowsReferenceWhatWasSuggestedAndWaiting()
    {
        var suggestion = await SuggestionAnswers.CreateAsync(app, whatItDoes: "Line one.\nLine two.");

        var doc = await app.GetDocumentAsync("/suggestions/" + suggestion.StatusToken);

        Assert.Equal($"Suggestion {suggestion.Reference}", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Waiting for review", doc.QuerySelector("#status .govuk-tag")!.TextContent.Trim());
        Assert.Equal(suggestion.ToolName, doc.GetElementById("tool-name")!.TextContent.Trim());
        Assert.Equal("https://example.org/tool", doc.GetElementById("web-address")!.TextContent.Trim());
        var whatItDoes = doc.GetElementById("what-it-does")!;
        Assert.Equal("Line one.\nLine two.", whatItDoes.TextContent.Trim());
        Assert.Contains("app-plain-text", whatItDoes.ClassList);
        Assert.Null(doc.GetElementById("tool-link"));
        Assert.NotNull(doc.QuerySelector("head meta[name=robots][content=noindex]"));
    }

    [Fact]
    public async Task Status_Rejected_ShowsNotAcceptedAndTheReason()
    {
        var suggestion = await SuggestionAnswers.CreateAsync(app, SuggestionStatus.Rejected, reason: "It is an advert.\nSee what we include.");

        var doc = await app.GetDocumentAsync("/suggestions/" + suggestion.StatusToken);

        Assert.Equal("Not accepted", doc.QuerySelector("#status .govuk-tag")!.TextContent.Trim());
        Assert.Equal("It is an advert.\nSee what we include.", doc.GetElementById("reason")!.TextContent.Trim());
        Assert.Null(doc.GetElementById("tool-link"));
    }

    [Theory]
    [InlineData(SuggestionStatus.Approved, "Published")]
    [InlineData(SuggestionStatus.Duplicate, "Already in the catalogue")]
    public async Task Status_PublishedOrDuplicate_LinksToTheTool(SuggestionStatus status, string tag)
    {
        var suggestion = await SuggestionAnswers.CreateAsync(app, status, toolSlug: "qgis");

        var doc = await app.GetDocumentAsync("/suggestions/" + suggestion.StatusToken);

        Assert.Equal(tag, doc.QuerySelector("#status .govuk-tag")!.TextContent.Trim());
        var link = doc.GetElementById("tool-link")!;
        Assert.Equal("/tools/qgis", link.GetAttribute("href"));
        Assert.Equal("QGIS", link.TextContent.Trim());
        Assert.Null(doc.GetElementById("reason"));
    }

    [Fact]
    public async Task Status_ShowsWhatThePublicTypedAsPlainText()
    {
        const string typed = "<script>alert(1)</script> **bold**";
        var suggestion = await SuggestionAnswers.CreateAsync(app, whatItDoes: typed, toolName: "<img src=x onerror=alert(1)> " + Guid.NewGuid().ToString("N")[..6]);

        using var client = app.CreateBrowserLikeClient();
        var html = await client.GetStringAsync("/suggestions/" + suggestion.StatusToken, Ct);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        Assert.Equal(typed, doc.GetElementById("what-it-does")!.TextContent.Trim());
        Assert.Equal(suggestion.ToolName, doc.GetElementById("tool-name")!.TextContent.Trim());
        Assert.Empty(doc.QuerySelectorAll("script, img"));
        Assert.Empty(doc.QuerySelectorAll("main .app-plain-text *"));
        Assert.DoesNotContain("<strong>bold", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task Status_SuggestionSentThroughTheForm_IsShownAsPlainText()
    {
        var answers = SuggestionAnswers.Valid().With("WhatItDoes", "<script>alert(1)</script> **bold**");
        using var client = app.CreateBrowserLikeClient();
        using var response = await FormPost.PostFormAsync(client, SuggestionAnswers.FormUrl, answers, Ct);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var token = response.Headers.Location!.OriginalString.Split('/').Last();

        var doc = await app.GetDocumentAsync("/suggestions/" + token);

        Assert.Equal("<script>alert(1)</script> **bold**", doc.GetElementById("what-it-does")!.TextContent.Trim());
        Assert.Empty(doc.QuerySelectorAll("script, main .app-plain-text strong"));
    }

    [Theory]
    [InlineData("/suggestions/no-such-token")]
    [InlineData("/suggest-a-tool/confirmation/no-such-token")]
    public async Task UnknownToken_IsA404(string url)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Page not found", doc.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Status_TokenIsCaseSensitive()
    {
        var suggestion = await SuggestionAnswers.CreateAsync(app);
        var changed = suggestion.StatusToken.Any(char.IsLower) ? suggestion.StatusToken.ToUpperInvariant() : suggestion.StatusToken.ToLowerInvariant();

        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/suggestions/" + changed, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StatusAndConfirmation_AreNotCached()
    {
        var suggestion = await SuggestionAnswers.CreateAsync(app);
        using var client = app.CreateBrowserLikeClient();

        foreach (var url in new[] { "/suggestions/", "/suggest-a-tool/confirmation/" })
        {
            using var response = await client.GetAsync(url + suggestion.StatusToken, Ct);
            Assert.True(response.Headers.CacheControl?.NoStore, url);
        }
    }
}
