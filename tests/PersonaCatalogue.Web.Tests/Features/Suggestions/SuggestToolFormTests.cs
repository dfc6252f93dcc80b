using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Suggestions;

public class SuggestToolFormTests(SuggestionAppFactory app) : IClassFixture<SuggestionAppFactory>
{
    private const string FormUrl = SuggestionAnswers.FormUrl;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> PostAsync(List<KeyValuePair<string, string>> answers, HttpClient? client = null)
    {
        using var own = client is null ? app.CreateBrowserLikeClient() : null;
        return await FormPost.PostFormAsync(client ?? own!, FormUrl, answers, Ct);
    }

    private async Task<IHtmlDocument> PostExpectingErrorsAsync(List<KeyValuePair<string, string>> answers)
    {
        using var response = await PostAsync(answers);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.StartsWith("Error: ", doc.Title);
        return doc;
    }

    private static void AssertError(IHtmlDocument doc, string field, string message)
    {
        var inline = doc.QuerySelectorAll($"[id='{field}-error']");
        Assert.Single(inline);
        Assert.Equal("Error: " + message, inline[0].TextContent.Trim());
        var link = doc.QuerySelector($".govuk-error-summary a[href='#{field}']");
        Assert.NotNull(link);
        Assert.Equal(message, link.TextContent.Trim());
        Assert.NotNull(doc.GetElementById(field));
    }

    private static string? InputValue(IHtmlDocument doc, string id) => doc.QuerySelector<IHtmlInputElement>($"input[id='{id}']")?.Value;

    private static string? TextareaValue(IHtmlDocument doc, string id) => doc.QuerySelector<IHtmlTextAreaElement>($"textarea[id='{id}']")?.Value;

    private static List<string> Checked(IHtmlDocument doc, string name) =>
        doc.QuerySelectorAll<IHtmlInputElement>($"input[name='{name}']").Where(i => i.IsChecked).Select(i => i.Value).ToList();

    /// <summary>Every answer other than the one in error is shown again as it was typed or ticked.</summary>
    private static void AssertAnswersKept(IHtmlDocument doc, List<KeyValuePair<string, string>> answers, string exceptField)
    {
        foreach (var field in new[] { "ToolName", "Url", "SuggesterName", "SuggesterEmail", "SuggesterOrganisation" }.Where(f => f != exceptField))
        {
            Assert.Equal(answers.Value(field), InputValue(doc, field));
        }

        if (exceptField != "WhatItDoes")
        {
            Assert.Equal(answers.Value("WhatItDoes"), TextareaValue(doc, "WhatItDoes"));
        }

        foreach (var name in new[] { "Personas", "Skills", "Cost" }.Where(f => f != exceptField))
        {
            Assert.Equal(answers.Where(a => a.Key == name).Select(a => a.Value).Order(), Checked(doc, name).Order());
        }
    }

    [Fact]
    public async Task Get_ShowsCriteriaSearchLinksAndTheForm()
    {
        var doc = await app.GetDocumentAsync(FormUrl);

        Assert.Equal("Suggest a tool", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Suggest a tool – Learning personas", doc.Title);
        var main = doc.QuerySelector("main")!;
        foreach (var criterion in new[] { "useful to at least one of the personas", "publicly available", "clear owner and a way to get support", "not an advert" })
        {
            Assert.Contains(criterion, main.TextContent);
        }

        Assert.NotNull(main.QuerySelector("a[href='/tools']"));
        Assert.NotNull(main.QuerySelector("a[href='/search']"));
        var form = main.QuerySelector<IHtmlFormElement>("form[method=post]")!;
        Assert.Equal("/suggest-a-tool", form.GetAttribute("action"));
        Assert.True(form.HasAttribute("novalidate"));
        Assert.NotNull(form.QuerySelector($"input[type=hidden][name={FormPost.TokenField}]"));
        Assert.Empty(doc.QuerySelectorAll(".govuk-error-summary, .govuk-error-message"));
    }

    [Fact]
    public async Task Get_OffersTheFivePersonasSomeoneElseAllSkillsByAreaAndFourCosts()
    {
        var doc = await app.GetDocumentAsync(FormUrl);

        var who = doc.QuerySelectorAll<IHtmlInputElement>("input[name=Personas]").ToList();
        Assert.Equal(["alan", "chris", "ida", "pat", "sara"], who.SkipLast(1).Select(i => i.Value).Order());
        Assert.Equal("someone-else", who[^1].Value);
        Assert.Equal("Sara, Service delivery manager and budget holder", doc.QuerySelector("label[for='" + who.Single(i => i.Value == "sara").Id + "']")!.TextContent.Trim());
        Assert.Equal("Someone else", doc.QuerySelector("label[for='" + who.Last().Id + "']")!.TextContent.Trim());
        Assert.Equal("Personas", who[0].Id);
        Assert.NotNull(doc.QuerySelector("textarea#SomeoneElse"));
        Assert.Equal("If you ticked someone else", doc.GetElementById("SomeoneElse-hint")!.TextContent.Trim());

        await using var db = app.CreateDbContext();
        var skills = await db.Skills.CountAsync(Ct);
        var areas = await db.SkillAreas.CountAsync(Ct);
        Assert.Equal(skills, doc.QuerySelectorAll("input[name=Skills]").Length);
        Assert.Equal(areas, doc.QuerySelectorAll("fieldset").Count(f => f.QuerySelector("input[name=Skills]") is not null));
        Assert.Equal("Skills", doc.QuerySelector("input[name=Skills]")!.Id);

        var costs = doc.QuerySelectorAll<IHtmlInputElement>("input[name=Cost]").Select(i => i.Value).ToList();
        Assert.Equal(["free", "freemium", "paid", "not-sure"], costs);

        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Get_HasAHiddenHoneypotField()
    {
        var doc = await app.GetDocumentAsync(FormUrl);

        var input = doc.QuerySelector<IHtmlInputElement>(".app-honeypot input[name=Website]")!;
        Assert.Equal("-1", input.GetAttribute("tabindex"));
        Assert.Equal("off", input.GetAttribute("autocomplete"));
        Assert.Equal("Leave this field empty", doc.QuerySelector($".app-honeypot label[for='{input.Id}']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_Valid_StoresEverythingAndRedirectsToTheConfirmation()
    {
        var answers = SuggestionAnswers.Valid()
            .With("Personas", "sara", "ida", "someone-else")
            .With("SomeoneElse", "Volunteers in community groups");
        using var client = app.CreateBrowserLikeClient();
        var before = DateTime.UtcNow.AddSeconds(-1);

        using var response = await PostAsync(answers, client);

        Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther, $"got {(int)response.StatusCode}");
        var stored = await SuggestionAnswers.FindAsync(app, answers.Value("ToolName"));
        Assert.NotNull(stored);
        Assert.Equal("/suggest-a-tool/confirmation/" + stored.StatusToken, response.Headers.Location!.OriginalString);
        Assert.Matches("^TS-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}$", stored.Reference);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", stored.StatusToken);
        Assert.Equal("https://www.example.org/open-tool/", stored.Url);
        Assert.Equal("example.org/open-tool", stored.NormalisedUrl);
        Assert.Equal(answers.Value("WhatItDoes"), stored.WhatItDoes);
        Assert.Equal(["ida", "sara"], stored.PersonaSlugs.Order());
        Assert.Equal("Volunteers in community groups", stored.SomeoneElse);
        Assert.Equal(["cleaning-data", "standardising-data"], stored.SkillSlugs.Order());
        Assert.Equal(ToolCost.Freemium, stored.Cost);
        Assert.Equal("Sam Jones", stored.SuggesterName);
        Assert.Equal("sam@example.org", stored.SuggesterEmail);
        Assert.Equal("Devon County Council", stored.SuggesterOrganisation);
        Assert.Equal(SuggestionStatus.Submitted, stored.Status);
        Assert.Null(stored.ToolId);
        Assert.InRange(stored.CreatedAt, before, DateTime.UtcNow.AddSeconds(1));

        using var confirmation = await client.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(confirmation);
        Assert.Equal("Suggestion sent", doc.QuerySelector(".govuk-panel__title")!.TextContent.Trim());
        var reference = doc.GetElementById("reference")!.TextContent.Trim();
        Assert.Matches("^TS-[A-Z0-9]{5}$", reference);
        Assert.Equal(stored.Reference, reference);
        var statusUrl = "https://localhost/suggestions/" + stored.StatusToken;
        var link = doc.GetElementById("status-link")!;
        Assert.Equal(statusUrl, link.GetAttribute("href"));
        Assert.Equal(statusUrl, link.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("meta[name=robots][content=noindex]"));

        using var status = await client.GetAsync(statusUrl, Ct);
        var statusDoc = await CatalogueAppFactory.ParseAsync(status);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("Waiting for review", statusDoc.QuerySelector("#status .govuk-tag")!.TextContent.Trim());
        Assert.Contains(stored.Reference, statusDoc.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Post_NotSureOfCost_StoresNoCost()
    {
        var answers = SuggestionAnswers.Valid().With("Cost", "not-sure").With("Skills");

        using var response = await PostAsync(answers);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var stored = await SuggestionAnswers.FindAsync(app, answers.Value("ToolName"));
        Assert.Null(stored!.Cost);
        Assert.Empty(stored.SkillSlugs);
        Assert.Null(stored.SomeoneElse);
    }

    [Fact]
    public async Task Post_OnlySomeoneElse_IsEnough()
    {
        var answers = SuggestionAnswers.Valid().With("Personas", "someone-else").With("SomeoneElse", "Charity trustees");

        using var response = await PostAsync(answers);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var stored = await SuggestionAnswers.FindAsync(app, answers.Value("ToolName"));
        Assert.Empty(stored!.PersonaSlugs);
        Assert.Equal("Charity trustees", stored.SomeoneElse);
    }

    [Fact]
    public async Task Post_SpacesAroundAnswers_AreTrimmedInStorage()
    {
        var name = SuggestionAnswers.UniqueName();
        var answers = SuggestionAnswers.Valid("  " + name + "\t ")
            .With("Url", "  https://example.org/spaced  ")
            .With("WhatItDoes", "\n  Does useful things with data.  \n")
            .With("SuggesterEmail", " sam@example.org ")
            .With("SuggesterName", "   ");

        using var response = await PostAsync(answers);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var stored = await SuggestionAnswers.FindAsync(app, name);
        Assert.NotNull(stored);
        Assert.Equal("https://example.org/spaced", stored.Url);
        Assert.Equal("Does useful things with data.", stored.WhatItDoes);
        Assert.Equal("sam@example.org", stored.SuggesterEmail);
        Assert.Null(stored.SuggesterName);
    }

    [Fact]
    public async Task Post_DecomposedAccents_AreStoredNormalised()
    {
        var name = "Cafe\u0301 " + Guid.NewGuid().ToString("N")[..8];

        using var response = await PostAsync(SuggestionAnswers.Valid(name));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.NotNull(await SuggestionAnswers.FindAsync(app, name.Normalize()));
    }

    public static TheoryData<string, string, string> InvalidAnswers => new()
    {
        { "ToolName", "", "Enter the tool's name" },
        { "ToolName", "   ", "Enter the tool's name" },
        { "ToolName", "A", "Tool name must be 2 characters or more" },
        { "ToolName", new string('a', 101), "Tool name must be 100 characters or fewer" },
        { "ToolName", "Bell\u0007tool", "Tool name must not contain hidden control characters" },
        { "Url", "", "Enter the tool's web address" },
        { "Url", "javascript:alert(1)", "Enter a web address starting with http:// or https://" },
        { "Url", "ftp://x", "Enter a web address starting with http:// or https://" },
        { "Url", "not a url", "Enter a web address starting with http:// or https://" },
        { "Url", "www.example.org", "Enter a web address starting with http:// or https://" },
        { "Url", "https://example.org/" + new string('a', 1981), "Web address must be 2,000 characters or fewer" },
        { "Url", "https://example.org/\u007f", "Web address must not contain hidden control characters" },
        { "WhatItDoes", "", "Enter what the tool does" },
        { "WhatItDoes", "Too short", "What it does must be 10 characters or more" },
        { "WhatItDoes", new string('a', 2001), "What it does must be 2,000 characters or fewer" },
        { "WhatItDoes", "Rings a bell \u0007 every time", "What it does must not contain hidden control characters" },
        { "SuggesterName", new string('a', 101), "Your name must be 100 characters or fewer" },
        { "SuggesterName", "Sam\u001bJones", "Your name must not contain hidden control characters" },
        { "SuggesterEmail", "not-an-email", "Enter an email address in the correct format, like name@example.com" },
        { "SuggesterEmail", "sam@example", "Enter an email address in the correct format, like name@example.com" },
        { "SuggesterEmail", "sam jones@example.org", "Enter an email address in the correct format, like name@example.com" },
        { "SuggesterEmail", new string('a', 243) + "@example.org", "Email address must be 254 characters or fewer" },
        { "SuggesterOrganisation", new string('a', 201), "Your organisation must be 200 characters or fewer" },
        { "SuggesterOrganisation", "Council\u0007", "Your organisation must not contain hidden control characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task Post_InvalidTextAnswer_ShowsErrorAndKeepsOtherAnswers(string field, string value, string message)
    {
        var answers = SuggestionAnswers.Valid().With(field, value);

        var doc = await PostExpectingErrorsAsync(answers);

        AssertError(doc, field, message);
        Assert.Single(doc.QuerySelectorAll(".govuk-error-summary li"));
        AssertAnswersKept(doc, answers, field);
        Assert.Null(await SuggestionAnswers.FindAsync(app, answers.Value("ToolName")));
    }

    [Fact]
    public async Task Post_InvalidText_IsShownBackAsTyped()
    {
        var answers = SuggestionAnswers.Valid().With("Url", "javascript:alert(1)").With("WhatItDoes", "<b>bold</b> & \"quoted\" text");

        var doc = await PostExpectingErrorsAsync(answers);

        Assert.Equal("javascript:alert(1)", InputValue(doc, "Url"));
        Assert.Equal("<b>bold</b> & \"quoted\" text", TextareaValue(doc, "WhatItDoes"));
        Assert.Empty(doc.QuerySelectorAll("main b"));
    }

    [Fact]
    public async Task Post_NobodyTicked_ShowsError()
    {
        var answers = SuggestionAnswers.Valid().With("Personas");

        var doc = await PostExpectingErrorsAsync(answers);

        AssertError(doc, "Personas", "Select who the tool helps");
        AssertAnswersKept(doc, answers, "Personas");
    }

    [Fact]
    public async Task Post_PersonaNotInTheList_ShowsError()
    {
        var answers = SuggestionAnswers.Valid().With("Personas", "sara", "not-a-persona");

        var doc = await PostExpectingErrorsAsync(answers);

        AssertError(doc, "Personas", "Select who the tool helps from the list");
    }

    [Fact]
    public async Task Post_SomeoneElseTickedButNotDescribed_ShowsError()
    {
        var answers = SuggestionAnswers.Valid().With("Personas", "pat", "someone-else").With("SomeoneElse", "  ");

        var doc = await PostExpectingErrorsAsync(answers);

        AssertError(doc, "SomeoneElse", "Enter who else the tool helps");
        Assert.Equal(["pat", "someone-else"], Checked(doc, "Personas").Order());
        AssertAnswersKept(doc, answers, "Personas");
    }

    [Fact]
    public async Task Post_SomeoneElseTooLong_ShowsError()
    {
        var answers = SuggestionAnswers.Valid().With("Personas", "someone-else").With("SomeoneElse", new string('a', 2001));

        var doc = await PostExpectingErrorsAsync(answers);

        AssertError(doc, "SomeoneElse", "Who else it helps must be 2,000 characters or fewer");
    }

    [Fact]
    public async Task Post_SkillNotInTheList_ShowsErrorOnceAtTheFirstSkill()
    {
        var answers = SuggestionAnswers.Valid().With("Skills", "cleaning-data", "<script>");

        var doc = await PostExpectingErrorsAsync(answers);

        AssertError(doc, "Skills", "Select the skills it supports from the list");
        Assert.Single(doc.QuerySelectorAll(".govuk-error-message"));
        Assert.Equal(["cleaning-data"], Checked(doc, "Skills"));
        AssertAnswersKept(doc, answers, "Skills");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("priceless")]
    public async Task Post_CostMissingOrUnknown_ShowsError(string? cost)
    {
        var answers = cost is null ? SuggestionAnswers.Valid().With("Cost") : SuggestionAnswers.Valid().With("Cost", cost);

        var doc = await PostExpectingErrorsAsync(answers);

        AssertError(doc, "Cost", "Select how much the tool costs");
        Assert.Empty(Checked(doc, "Cost"));
        AssertAnswersKept(doc, answers, "Cost");
    }

    [Fact]
    public async Task Post_CostKept_WhenAnotherAnswerIsWrong()
    {
        var answers = SuggestionAnswers.Valid().With("Cost", "not-sure").With("ToolName");

        var doc = await PostExpectingErrorsAsync(answers);

        Assert.Equal(["not-sure"], Checked(doc, "Cost"));
    }

    [Fact]
    public async Task Post_NullCharacter_IsRefusedWithTheCouldNotAcceptPage()
    {
        // ASP.NET Core's form reader refuses %00 outright, before validation can give a field message.
        var answers = SuggestionAnswers.Valid().With("WhatItDoes", "Null \u0000 inside the text");

        using var response = await PostAsync(answers);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Sorry, we could not accept that form", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(await SuggestionAnswers.FindAsync(app, answers.Value("ToolName")));
    }

    [Fact]
    public async Task Post_Empty_ShowsEveryRequiredError()
    {
        var doc = await PostExpectingErrorsAsync([]);

        var summary = doc.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Cost", "#Personas", "#ToolName", "#Url", "#WhatItDoes"], summary.Order());
        Assert.Equal(5, doc.QuerySelectorAll(".govuk-form-group--error").Length);
        Assert.Empty(doc.QuerySelectorAll("[style], style, script"));
    }

    [Fact]
    public async Task Post_HoneypotFilled_StoresNothingAndSaysThankYou()
    {
        var answers = SuggestionAnswers.Valid().With("Website", "https://spam.example");
        using var client = app.CreateBrowserLikeClient();

        using var response = await PostAsync(answers, client);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/suggest-a-tool/received", response.Headers.Location!.OriginalString);
        Assert.Null(await SuggestionAnswers.FindAsync(app, answers.Value("ToolName")));
        using var received = await client.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(received);
        Assert.Equal("Suggestion received", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotMatch(new Regex("TS-[A-Z0-9]{5}"), doc.Body!.TextContent);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndStoresNothing()
    {
        var answers = SuggestionAnswers.Valid();
        using var client = app.CreateBrowserLikeClient();
        await client.GetAsync(FormUrl, Ct);

        using var response = await FormPost.PostAsync(client, FormUrl, answers, token: null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Sorry, we could not accept that form", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(await SuggestionAnswers.FindAsync(app, answers.Value("ToolName")));
    }

    [Fact]
    public async Task Post_WithAnotherClientsToken_IsRefusedAndStoresNothing()
    {
        var answers = SuggestionAnswers.Valid();
        using var other = app.CreateBrowserLikeClient();
        var (_, token) = await FormPost.GetFormAsync(other, FormUrl, Ct);
        using var client = app.CreateBrowserLikeClient();

        using var response = await FormPost.PostAsync(client, FormUrl, answers, token, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await SuggestionAnswers.FindAsync(app, answers.Value("ToolName")));
    }

    [Fact]
    public async Task Post_BodyOver64KB_IsRefusedWithTheTooLongPage()
    {
        var answers = SuggestionAnswers.Valid().With("WhatItDoes", new string('a', 70 * 1024));

        using var response = await PostAsync(answers);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Your answers are too long", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(await SuggestionAnswers.FindAsync(app, answers.Value("ToolName")));
    }

    [Fact]
    public async Task Pages_HaveNoInlineStylesOrScripts()
    {
        var suggestion = await SuggestionAnswers.CreateAsync(app);
        foreach (var url in new[] { FormUrl, "/suggest-a-tool/received", "/suggest-a-tool/confirmation/" + suggestion.StatusToken, "/suggestions/" + suggestion.StatusToken })
        {
            var doc = await app.GetDocumentAsync(url);
            Assert.Empty(doc.QuerySelectorAll("[style], style, script"));
            Assert.Single(doc.QuerySelectorAll("h1"));
        }
    }

    [Theory]
    [InlineData("/tools")]
    [InlineData("/")]
    public async Task ToolsListAndHome_LinkToTheForm(string url)
    {
        var doc = await app.GetDocumentAsync(url);

        var link = doc.QuerySelector("main a[href='/suggest-a-tool']");
        Assert.NotNull(link);
        Assert.Equal("Suggest a tool", link.TextContent.Trim());
    }
}
