using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Feedback;

/// <summary>"Where do you need more support?" at /support-needs.</summary>
public class SupportNeedFormTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private const string FormUrl = "/support-needs";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<KeyValuePair<string, string>> ValidFields(string need) =>
    [
        new("SupportNeeded", need),
        new("Areas", "analysis"),
        new("Areas", "publishing"),
        new("YourRole", "supports-public-sector"),
        new("Email", "someone@example.org"),
        new("Website", ""),
    ];

    private static List<KeyValuePair<string, string>> With(string need, string field, string? value)
    {
        var fields = ValidFields(need).Where(f => f.Key != field).ToList();
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

    private async Task<int> CountAsync(string need)
    {
        await using var db = app.CreateDbContext();
        return await db.SupportNeedFeedback.CountAsync(f => f.SupportNeeded == need, Ct);
    }

    [Fact]
    public async Task Get_ShowsTheQuestionAndTheSkillAreasFromTheFramework()
    {
        var doc = await app.GetDocumentAsync(FormUrl);

        Assert.Equal("Where do you need more support? – Learning personas", doc.Title);
        Assert.NotNull(doc.QuerySelector("textarea#SupportNeeded"));
        Assert.Equal(
            ["introductions", "business", "management", "publishing", "analysis", "leadership"],
            doc.QuerySelectorAll("input[type=checkbox][name=Areas]").Select(i => i.GetAttribute("value")));
        Assert.Equal("Areas", doc.QuerySelector("input[name=Areas]")!.Id);
        Assert.Equal(3, doc.QuerySelectorAll("input[name=YourRole]").Length);
        Assert.NotNull(doc.QuerySelector("input#Email"));
        Assert.NotNull(doc.QuerySelector(".app-honeypot input[name=Website]"));
        Assert.Contains("Do not include personal information", doc.QuerySelector("#personal-information")!.TextContent);
    }

    [Fact]
    public async Task HomePage_LinksToTheForm()
    {
        var doc = await app.GetDocumentAsync("/");

        Assert.Equal("Where do you need more support?", doc.QuerySelector($"main a[href='{FormUrl}']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_Valid_StoresTheAnswerWithItsSkillAreas_AndRedirectsToTheConfirmation()
    {
        var need = TestData.Unique("Reading spending data");
        using var client = app.CreateBrowserLikeClient();

        // A repeated box counts once.
        using var response = await client.PostFormAsync(FormUrl, ValidFields(need).Append(new("Areas", "analysis")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/support-needs/sent", response.Headers.Location!.OriginalString);
        await using var db = app.CreateDbContext();
        var stored = await db.SupportNeedFeedback.Include(f => f.Areas).ThenInclude(a => a.SkillArea).SingleAsync(f => f.SupportNeeded == need, Ct);
        Assert.Equal(["analysis", "publishing"], stored.Areas.Select(a => a.SkillArea.Slug).Order());
        Assert.Equal(GiverRole.SupportsPublicSector, stored.GiverRole);
        Assert.Equal("someone@example.org", stored.Email);
        Assert.Equal(FeedbackKind.SupportNeed, stored.Kind);

        using var confirmation = await client.GetAsync(response.Headers.Location, Ct);
        Assert.Equal("Thank you for telling us where you need support", (await CatalogueAppFactory.ParseAsync(confirmation)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_NoSkillArea_IsAccepted()
    {
        var need = TestData.Unique("Someone to ask");

        using var response = await PostAsync([new("SupportNeeded", need)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.SupportNeedFeedback.Include(f => f.Areas).SingleAsync(f => f.SupportNeeded == need, Ct);
        Assert.Empty(stored.Areas);
        Assert.Null(stored.GiverRole);
    }

    public static TheoryData<string, string?, string> InvalidAnswers => new()
    {
        { "SupportNeeded", null, "Enter where you need more support" },
        { "SupportNeeded", new string('a', 2001), "Where you need more support must be 2,000 characters or fewer" },
        { "SupportNeeded", "Escape \u001b[31m red", "Where you need more support must not contain hidden control characters" },
        { "Areas", "astrology", "Select skill areas from the list" },
        { "YourRole", "astronaut", "Select your role from the list" },
        { "Email", "two words@example.org", "Enter an email address in the correct format, like name@example.com" },
    };

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task Post_InvalidAnswer_ShowsTheErrorAtTheFieldAndInTheSummary_AndKeepsTheOtherAnswers(string field, string? value, string message)
    {
        var need = TestData.Unique("Help with dashboards");
        var fields = field == "Areas" ? ValidFields(need).Append(new("Areas", value!)).ToList() : With(need, field, value);

        using var response = await PostAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Error: Where do you need more support? – Learning personas", doc.Title);
        var summary = Assert.Single(doc.QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Equal($"#{field}", summary.GetAttribute("href"));
        Assert.Equal(message, summary.TextContent.Trim());
        Assert.Contains(message, doc.QuerySelector($"#{field}-error")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"#{field}"));

        if (field != "SupportNeeded")
        {
            Assert.Equal(need, doc.QuerySelector("textarea#SupportNeeded")!.TextContent);
        }

        Assert.NotNull(doc.QuerySelector("input[name=Areas][value=analysis][checked]"));
        Assert.NotNull(doc.QuerySelector("input[name=Areas][value=publishing][checked]"));
        Assert.Null(doc.QuerySelector("input[name=Areas][value=leadership][checked]"));
        if (field != "YourRole")
        {
            Assert.NotNull(doc.QuerySelector("input[name=YourRole][value=supports-public-sector][checked]"));
        }

        if (field != "Email")
        {
            Assert.Equal("someone@example.org", doc.QuerySelector("input#Email")!.GetAttribute("value"));
        }

        Assert.Equal(0, await CountAsync(need));
    }

    [Fact]
    public async Task Post_HoneypotFilled_StoresNothingButShowsTheConfirmation()
    {
        var need = TestData.Unique("Bot need");

        using var response = await PostAsync(With(need, "Website", "https://spam.example.com"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/support-needs/sent", response.Headers.Location!.OriginalString);
        Assert.Equal(0, await CountAsync(need));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var need = TestData.Unique("No token");
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.PostAsync(FormUrl, new FormUrlEncodedContent(ValidFields(need)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(need));
    }
}

/// <summary>The three new public forms share the public-forms rate limit with every other public POST.</summary>
public class OtherFeedbackRateLimitTests(OtherFeedbackRateLimitTests.LimitedApp app) : IClassFixture<OtherFeedbackRateLimitTests.LimitedApp>
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
    public async Task Post_OverTheLimit_Is429WithRetryAfter_OnEachForm_AndNothingIsStored()
    {
        var ct = TestContext.Current.CancellationToken;
        var tool = await app.CreateToolAsync();
        using var client = app.CreateBrowserLikeClient();
        var need = TestData.Unique("Limited need");
        var role = TestData.Unique("Limited role");

        using var first = await client.PostFormAsync($"/tools/{tool.Slug}", [new("Helped", "yes")]);
        using var second = await client.PostFormAsync($"/tools/{tool.Slug}", [new("Helped", "no")]);
        using var tool429 = await client.PostFormAsync($"/tools/{tool.Slug}", [new("Helped", "yes")]);
        using var missing429 = await client.PostFormAsync("/personas/suggest", [new("MissingRole", role), new("WhatTheyDo", "a"), new("WhatTheyNeedToKnow", "b")]);
        using var support429 = await client.PostFormAsync("/support-needs", [new("SupportNeeded", need)]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        foreach (var refused in new[] { tool429, missing429, support429 })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.ToolFeedback.CountAsync(f => f.ToolId == tool.Id, ct));
        Assert.False(await db.MissingPersonaFeedback.AnyAsync(f => f.MissingRole == role, ct));
        Assert.False(await db.SupportNeedFeedback.AnyAsync(f => f.SupportNeeded == need, ct));
    }
}
