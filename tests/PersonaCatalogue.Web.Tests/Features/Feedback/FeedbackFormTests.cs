using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Feedback;

public class FeedbackFormTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<KeyValuePair<string, string>> ValidFields() =>
    [
        new("Usefulness", "somewhat"),
        new("RightPeople", "partly"),
        new("MissingOrWrong", "Nothing about procurement rules."),
        new("HowWouldYouUseIt", "In our discovery workshop."),
        new("YourRole", "supports-public-sector"),
        new("Publish", "yes"),
        new("Email", "someone@example.org"),
        new("Website", ""),
    ];

    private static List<KeyValuePair<string, string>> With(string field, string? value)
    {
        var fields = ValidFields().Where(f => f.Key != field).ToList();
        if (value is not null)
        {
            fields.Add(new(field, value));
        }

        return fields;
    }

    private async Task<HttpResponseMessage> PostAsync(Persona persona, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var client = app.CreateBrowserLikeClient();
        return await client.PostFormAsync($"/personas/{persona.Slug}/feedback", fields);
    }

    private async Task<int> CountFeedbackAsync(Persona persona)
    {
        await using var db = app.CreateDbContext();
        return await db.PersonaFeedback.CountAsync(f => f.PersonaId == persona.Id, Ct);
    }

    [Fact]
    public async Task Get_ShowsTheQuestionsAndThePersonalInformationNote()
    {
        var persona = await app.CreatePersonaAsync();

        var doc = await app.GetDocumentAsync($"/personas/{persona.Slug}/feedback");

        Assert.Equal($"Give feedback on {persona.Name} – Learning personas", doc.Title);
        Assert.Equal(3, doc.QuerySelectorAll("input[name=Usefulness]").Length);
        Assert.Equal(3, doc.QuerySelectorAll("input[name=RightPeople]").Length);
        Assert.NotNull(doc.QuerySelector("textarea#MissingOrWrong"));
        Assert.NotNull(doc.QuerySelector("textarea#HowWouldYouUseIt"));
        Assert.Equal(3, doc.QuerySelectorAll("input[name=YourRole]").Length);
        Assert.Equal(2, doc.QuerySelectorAll("input[name=Publish]").Length);
        Assert.Equal("email", doc.QuerySelector("input#Email")!.GetAttribute("type"));
        Assert.Contains("Do not include personal information", doc.QuerySelector("#personal-information")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"form[action='/personas/{persona.Slug}/feedback'] input[name={FormPost.TokenField}]"));
    }

    [Fact]
    public async Task Get_HoneypotIsHiddenFromPeopleAndKeyboards()
    {
        var persona = await app.CreatePersonaAsync();

        var doc = await app.GetDocumentAsync($"/personas/{persona.Slug}/feedback");

        var honeypot = doc.QuerySelector(".app-honeypot input[name=Website]")!;
        Assert.Equal("-1", honeypot.GetAttribute("tabindex"));
        Assert.Equal("off", honeypot.GetAttribute("autocomplete"));
        Assert.Equal("Leave this field empty", doc.QuerySelector(".app-honeypot label[for=Website]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/personas/nobody-here/feedback")]
    [InlineData("/personas/nobody-here/feedback/sent")]
    public async Task Get_UnknownPersona_IsNotFound(string url)
    {
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownPersona_IsNotFound()
    {
        var persona = await app.CreatePersonaAsync();
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.PostFormAsync($"/personas/{persona.Slug}/feedback", ValidFields(), "/personas/nobody-here/feedback");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_Valid_StoresTheAnswersOnTheCurrentIterationAndRedirectsToTheConfirmation()
    {
        var persona = await app.CreatePersonaAsync();
        await using (var db = app.CreateDbContext())
        {
            // The persona is on its second iteration when the feedback is given.
            db.PersonaIterations.Add(new PersonaIteration { PersonaId = persona.Id, Number = 2, PublishedOn = new DateOnly(2026, 3, 1), ChangeNotes = "More on budgets." });
            await db.Personas.Where(p => p.Id == persona.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Iteration, 2), Ct);
            await db.SaveChangesAsync(Ct);
        }

        using var client = app.CreateBrowserLikeClient();
        using var response = await client.PostFormAsync($"/personas/{persona.Slug}/feedback", With("MissingOrWrong", "  Line one\r\nline two  "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/personas/{persona.Slug}/feedback/sent", response.Headers.Location!.OriginalString);
        await using var check = app.CreateDbContext();
        var stored = await check.PersonaFeedback.SingleAsync(f => f.PersonaId == persona.Id, Ct);
        Assert.Equal(2, stored.Iteration);
        Assert.Equal(Usefulness.SomewhatUseful, stored.Usefulness);
        Assert.Equal(RightPeople.Partly, stored.RightPeople);
        Assert.Equal("Line one\nline two", stored.MissingOrWrong);
        Assert.Equal("In our discovery workshop.", stored.HowWouldYouUseIt);
        Assert.Equal(GiverRole.SupportsPublicSector, stored.GiverRole);
        Assert.True(stored.ConsentToPublish);
        Assert.False(stored.CommentPublished);
        Assert.Equal("someone@example.org", stored.Email);
        Assert.Equal(FeedbackStatus.New, stored.Status);
        Assert.Equal(FeedbackKind.Persona, stored.Kind);

        using var confirmation = await client.GetAsync(response.Headers.Location, Ct);
        var doc = await CatalogueAppFactory.ParseAsync(confirmation);
        Assert.Equal("Feedback sent", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector($"main a[href='/personas/{persona.Slug}']"));
    }

    [Fact]
    public async Task Post_OnlyTheRequiredAnswers_IsAccepted()
    {
        var persona = await app.CreatePersonaAsync();

        using var response = await PostAsync(persona, [new("Usefulness", "not"), new("RightPeople", "no")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.PersonaFeedback.SingleAsync(f => f.PersonaId == persona.Id, Ct);
        Assert.Null(stored.MissingOrWrong);
        Assert.Null(stored.GiverRole);
        Assert.Null(stored.Email);
        Assert.False(stored.ConsentToPublish);
    }

    public static TheoryData<string, string?, string> InvalidAnswers => new()
    {
        { "Usefulness", null, "Select how useful this persona is to you" },
        { "Usefulness", "extremely", "Select how useful this persona is to you" },
        { "RightPeople", null, "Select whether the persona describes the right people" },
        { "RightPeople", "maybe", "Select whether the persona describes the right people" },
        { "MissingOrWrong", new string('a', 2001), "What is missing or wrong must be 2,000 characters or fewer" },
        { "MissingOrWrong", "Bad \u0007 bell", "What is missing or wrong must not contain hidden control characters" },
        { "HowWouldYouUseIt", new string('b', 2001), "How you would use it must be 2,000 characters or fewer" },
        { "HowWouldYouUseIt", "Escape \u001b[31m red", "How you would use it must not contain hidden control characters" },
        { "YourRole", "astronaut", "Select your role from the list" },
        { "Publish", "perhaps", "Select yes if we may publish your comment, or no" },
        { "Email", "not-an-email", "Enter an email address in the correct format, like name@example.com" },
        { "Email", "two words@example.org", "Enter an email address in the correct format, like name@example.com" },
        { "Email", new string('e', 250) + "@example.org", "Email address must be 254 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task Post_InvalidAnswer_ShowsTheErrorAtTheFieldAndInTheSummary_AndKeepsTheOtherAnswers(string field, string? value, string message)
    {
        var persona = await app.CreatePersonaAsync();

        using var response = await PostAsync(persona, With(field, value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.StartsWith("Error: ", doc.Title);
        var summary = Assert.Single(doc.QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Equal($"#{field}", summary.GetAttribute("href"));
        Assert.Equal(message, summary.TextContent.Trim());
        Assert.Contains(message, doc.QuerySelector($"#{field}-error")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"#{field}"));

        // Every other answer is still there.
        foreach (var (name, kept) in ValidFields().Where(f => f.Key != field && f.Key != "Website"))
        {
            switch (name)
            {
                case "Usefulness" or "RightPeople" or "YourRole" or "Publish":
                    Assert.NotNull(doc.QuerySelector($"input[name={name}][value='{kept}'][checked]"));
                    break;
                case "MissingOrWrong" or "HowWouldYouUseIt":
                    Assert.Equal(kept, doc.QuerySelector($"textarea#{name}")!.TextContent);
                    break;
                default:
                    Assert.Equal(kept, doc.QuerySelector($"input#{name}")!.GetAttribute("value"));
                    break;
            }
        }

        Assert.Equal(0, await CountFeedbackAsync(persona));
    }

    [Fact]
    public async Task Post_NullCharacter_IsRefusedWithTheFriendlyPage()
    {
        var persona = await app.CreatePersonaAsync();

        // ASP.NET Core's form reader refuses NUL before validation runs; the answer is still a 400 page, never a 500.
        using var response = await PostAsync(persona, With("MissingOrWrong", "Null \u0000 byte"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sorry, we could not accept that form", (await CatalogueAppFactory.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(0, await CountFeedbackAsync(persona));
    }

    [Fact]
    public async Task Post_NothingAnswered_ListsTheErrorsInPageOrder()
    {
        var persona = await app.CreatePersonaAsync();

        using var response = await PostAsync(persona, [new("Email", "nope")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal(["#Usefulness", "#RightPeople", "#Email"], doc.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Equal("nope", doc.QuerySelector("input#Email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Post_ExactlyTheLongestAnswers_IsAccepted()
    {
        var persona = await app.CreatePersonaAsync();

        // Browsers send line breaks as CR LF; each counts as one character, so 999 of them and 1,001 letters make 2,000.
        var longest = string.Join("\r\n", Enumerable.Repeat("x", 1000)) + "x";
        using var response = await PostAsync(persona, With("MissingOrWrong", longest).Where(f => f.Key != "HowWouldYouUseIt").Append(new("HowWouldYouUseIt", new string('y', 2000))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.PersonaFeedback.SingleAsync(f => f.PersonaId == persona.Id, Ct);
        Assert.Equal(2000, stored.MissingOrWrong!.Length);
        Assert.Equal(2000, stored.HowWouldYouUseIt!.Length);
    }

    [Fact]
    public async Task Post_HoneypotFilled_StoresNothingButShowsTheConfirmation()
    {
        var persona = await app.CreatePersonaAsync();

        using var response = await PostAsync(persona, With("Website", "https://spam.example.com"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/personas/{persona.Slug}/feedback/sent", response.Headers.Location!.OriginalString);
        Assert.Equal(0, await CountFeedbackAsync(persona));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var persona = await app.CreatePersonaAsync();
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.PostAsync($"/personas/{persona.Slug}/feedback", new FormUrlEncodedContent(ValidFields()), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sorry, we could not accept that form", (await CatalogueAppFactory.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(0, await CountFeedbackAsync(persona));
    }

    [Fact]
    public async Task Post_WhatThePublicTyped_IsStoredAsTyped_AndNeverBecomesHtml()
    {
        var persona = await app.CreatePersonaAsync();

        using var response = await PostAsync(persona, With("MissingOrWrong", "<script>alert(1)</script>"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal("<script>alert(1)</script>", (await db.PersonaFeedback.SingleAsync(f => f.PersonaId == persona.Id, Ct)).MissingOrWrong);
    }

    [Fact]
    public async Task PersonaPage_LinksToTheForm()
    {
        var persona = await app.CreatePersonaAsync();

        var doc = await app.GetDocumentAsync($"/personas/{persona.Slug}");

        var link = doc.QuerySelector($"a[href='/personas/{persona.Slug}/feedback']")!;
        Assert.Equal("Give feedback on this persona", link.TextContent.Trim());
    }
}

/// <summary>The public form's rate limit, with a limit low enough to reach.</summary>
public class FeedbackRateLimitTests(FeedbackRateLimitTests.LimitedApp app) : IClassFixture<FeedbackRateLimitTests.LimitedApp>
{
    public class LimitedApp : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:public-forms:PermitLimit"] = "2",
            ["RateLimits:public-forms:WindowSeconds"] = "600",
        };
    }

    [Fact]
    public async Task Post_OverTheLimit_Is429WithRetryAfter()
    {
        var persona = await app.CreatePersonaAsync();
        using var client = app.CreateBrowserLikeClient();
        var url = $"/personas/{persona.Slug}/feedback";
        KeyValuePair<string, string>[] fields = [new("Usefulness", "very"), new("RightPeople", "yes")];

        using var first = await client.PostFormAsync(url, fields);
        using var second = await client.PostFormAsync(url, fields);
        using var third = await client.PostFormAsync(url, fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter is not null);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.PersonaFeedback.CountAsync(f => f.PersonaId == persona.Id, TestContext.Current.CancellationToken));
    }
}
