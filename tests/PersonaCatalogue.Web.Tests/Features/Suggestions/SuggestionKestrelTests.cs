using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Suggestions;

/// <summary>The app on real Kestrel (plain http on loopback), which enforces its own body limit as TestServer does not.</summary>
public class KestrelAppFactory : CatalogueAppFactory
{
    public KestrelAppFactory()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    public Uri BaseAddress { get; }
}

/// <summary>
/// An over-long POST is refused before its form is read, and the 413 page is shown without reading it either:
/// Kestrel would fail any read of a body over its limit. No antiforgery token is needed, as the refusal comes first.
/// </summary>
public class SuggestionKestrelTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Fact]
    public async Task Post_BodyOver64KB_Gets413AndTheTooLongPage()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var answers = SuggestionAnswers.Valid().With("WhatItDoes", new string('a', 70 * 1024));

        using var response = await client.PostAsync(SuggestionAnswers.FormUrl, new FormUrlEncodedContent(answers), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Your answers are too long", doc.QuerySelector("h1")?.TextContent.Trim());
        Assert.Null(await SuggestionAnswers.FindAsync(app, answers.Value("ToolName")));
    }
}
