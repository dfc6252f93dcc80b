using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Feedback;

/// <summary>"Is someone missing?" at /personas/suggest.</summary>
public class MissingPersonaFormTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private const string FormUrl = "/personas/suggest";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Valid answers; the role is unique, so a test finds its own row among the class's.</summary>
    private static List<KeyValuePair<string, string>> ValidFields(string role) =>
    [
        new("MissingRole", role),
        new("WhatTheyDo", "Runs the council's contracts register."),
        new("WhatTheyNeedToKnow", "How to publish contracts data openly."),
        new("YourRole", "public-sector-services"),
        new("Email", "someone@example.org"),
        new("Website", ""),
    ];

    private static List<KeyValuePair<string, string>> With(string role, string field, string? value)
    {
        var fields = ValidFields(role).Where(f => f.Key != field).ToList();
        if (value is not null)
        {
            fields.Add(new(field, value));
        }

        return fields;
    }

    private async Task<HttpResponseMessage> PostAsync(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var client = app.CreateBrowserLikeClient();
        return await client.PostFormAsync(FormUrl, fields);
    }

    private async Task<int> CountAsync(string role)
    {
        await using var db = app.CreateDbContext();
        return await db.MissingPersonaFeedback.CountAsync(f => f.MissingRole == role || f.WhatTheyDo == role, Ct);
    }

    [Fact]
    public async Task Get_ShowsTheQuestions_NotAPersonaCalledSuggest()
    {
        var doc = await app.GetDocumentAsync(FormUrl);

        Assert.Equal("Is someone missing? – Learning personas", doc.Title);
        Assert.Equal("Is someone missing?", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("input#MissingRole"));
        Assert.NotNull(doc.QuerySelector("textarea#WhatTheyDo"));
        Assert.NotNull(doc.QuerySelector("textarea#WhatTheyNeedToKnow"));
        Assert.Equal(3, doc.QuerySelectorAll("input[name=YourRole]").Length);
        Assert.Equal("email", doc.QuerySelector("input#Email")!.GetAttribute("type"));
        Assert.NotNull(doc.QuerySelector(".app-honeypot input[name=Website]"));
        Assert.Contains("Do not include personal information", doc.QuerySelector("#personal-information")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"form[action='{FormUrl}'] input[name={FormPost.TokenField}]"));
    }

    [Fact]
    public async Task Links_FromThePersonasListAndEveryPersonaPage()
    {
        var persona = await app.CreatePersonaAsync();

        Assert.NotNull((await app.GetDocumentAsync("/personas")).QuerySelector($"main a[href='{FormUrl}']"));
        Assert.NotNull((await app.GetDocumentAsync("/personas/sara")).QuerySelector($"main a[href='{FormUrl}']"));
        Assert.NotNull((await app.GetDocumentAsync($"/personas/{persona.Slug}")).QuerySelector($"main a[href='{FormUrl}']"));
    }

    [Fact]
    public async Task Post_Valid_StoresTheAnswersAndRedirectsToTheConfirmation()
    {
        var role = TestData.Unique("Procurement officer");
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.PostFormAsync(FormUrl, With(role, "WhatTheyDo", "  Runs contracts\r\nand tenders  "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/personas/suggest/sent", response.Headers.Location!.OriginalString);
        await using var db = app.CreateDbContext();
        var stored = await db.MissingPersonaFeedback.SingleAsync(f => f.MissingRole == role, Ct);
        Assert.Equal("Runs contracts\nand tenders", stored.WhatTheyDo);
        Assert.Equal("How to publish contracts data openly.", stored.WhatTheyNeedToKnow);
        Assert.Equal(GiverRole.PublicSectorServices, stored.GiverRole);
        Assert.Equal("someone@example.org", stored.Email);
        Assert.Equal(FeedbackKind.MissingPersona, stored.Kind);
        Assert.Equal(FeedbackStatus.New, stored.Status);
        Assert.False(stored.ConsentToPublish);

        using var confirmation = await client.GetAsync(response.Headers.Location, Ct);
        var doc = await CatalogueAppFactory.ParseAsync(confirmation);
        Assert.Equal("Thank you for telling us who is missing", doc.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_OnlyTheRequiredAnswers_IsAccepted()
    {
        var role = TestData.Unique("Councillor");

        using var response = await PostAsync([new("MissingRole", role), new("WhatTheyDo", "Chairs scrutiny."), new("WhatTheyNeedToKnow", "Where the data is.")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.MissingPersonaFeedback.SingleAsync(f => f.MissingRole == role, Ct);
        Assert.Null(stored.GiverRole);
        Assert.Null(stored.Email);
    }

    public static TheoryData<string, string?, string> InvalidAnswers => new()
    {
        { "MissingRole", null, "Enter the role that is missing" },
        { "MissingRole", "   ", "Enter the role that is missing" },
        { "MissingRole", new string('a', 2001), "The role that is missing must be 2,000 characters or fewer" },
        { "WhatTheyDo", null, "Enter what they do" },
        { "WhatTheyDo", new string('b', 2001), "What they do must be 2,000 characters or fewer" },
        { "WhatTheyDo", "Bell \u0007 here", "What they do must not contain hidden control characters" },
        { "WhatTheyNeedToKnow", null, "Enter what they need to know" },
        { "WhatTheyNeedToKnow", new string('c', 2001), "What they need to know must be 2,000 characters or fewer" },
        { "YourRole", "astronaut", "Select your role from the list" },
        { "Email", "not-an-email", "Enter an email address in the correct format, like name@example.com" },
        { "Email", new string('e', 250) + "@example.org", "Email address must be 254 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task Post_InvalidAnswer_ShowsTheErrorAtTheFieldAndInTheSummary_AndKeepsTheOtherAnswers(string field, string? value, string message)
    {
        var role = TestData.Unique("Data protection officer");
        var fields = With(role, field, value);

        using var response = await PostAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Error: Is someone missing? – Learning personas", doc.Title);
        var summary = Assert.Single(doc.QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Equal($"#{field}", summary.GetAttribute("href"));
        Assert.Equal(message, summary.TextContent.Trim());
        Assert.Contains(message, doc.QuerySelector($"#{field}-error")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"#{field}"));

        foreach (var (name, kept) in ValidFields(role).Where(f => f.Key != field && f.Key != "Website"))
        {
            switch (name)
            {
                case "YourRole":
                    Assert.NotNull(doc.QuerySelector($"input[name={name}][value='{kept}'][checked]"));
                    break;
                case "WhatTheyDo" or "WhatTheyNeedToKnow":
                    Assert.Equal(kept, doc.QuerySelector($"textarea#{name}")!.TextContent);
                    break;
                default:
                    Assert.Equal(kept, doc.QuerySelector($"input#{name}")!.GetAttribute("value"));
                    break;
            }
        }

        Assert.Equal(0, await CountAsync(role));
    }

    [Fact]
    public async Task Post_NothingAnswered_ListsTheErrorsInPageOrder()
    {
        using var response = await PostAsync([new("Email", "nope")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal(["#MissingRole", "#WhatTheyDo", "#WhatTheyNeedToKnow", "#Email"], doc.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Equal("nope", doc.QuerySelector("input#Email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_ExactlyTheLongestAnswers_IsAccepted()
    {
        var role = TestData.Unique("r") + new string('r', 1980);
        var longest = string.Join("\r\n", Enumerable.Repeat("x", 1000)) + "x";

        using var response = await PostAsync([new("MissingRole", role), new("WhatTheyDo", longest), new("WhatTheyNeedToKnow", new string('y', 2000))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.MissingPersonaFeedback.SingleAsync(f => f.MissingRole == role, Ct);
        Assert.Equal(2000, stored.WhatTheyDo.Length);
        Assert.Equal(2000, stored.WhatTheyNeedToKnow.Length);
    }

    [Fact]
    public async Task Post_HoneypotFilled_StoresNothingButShowsTheConfirmation()
    {
        var role = TestData.Unique("Bot role");

        using var response = await PostAsync(With(role, "Website", "https://spam.example.com"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/personas/suggest/sent", response.Headers.Location!.OriginalString);
        Assert.Equal(0, await CountAsync(role));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var role = TestData.Unique("No token");
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.PostAsync(FormUrl, new FormUrlEncodedContent(ValidFields(role)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(role));
    }
}
