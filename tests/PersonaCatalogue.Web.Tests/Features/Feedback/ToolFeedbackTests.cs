using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Feedback;

/// <summary>"Did this tool help you?" on the tool page: the form, its errors on the tool page itself, and the live count.</summary>
public class ToolFeedbackTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<KeyValuePair<string, string>> ValidFields() =>
    [
        new("Helped", "yes"),
        new("WhatItHelpedWith", "Checking a spreadsheet before we published it."),
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

    private async Task<HttpResponseMessage> PostAsync(Tool tool, IEnumerable<KeyValuePair<string, string>> fields, HttpClient? client = null)
    {
        client ??= app.CreateBrowserLikeClient();
        return await client.PostFormAsync($"/tools/{tool.Slug}", fields);
    }

    private async Task<List<ToolFeedback>> StoredAsync(Tool tool)
    {
        await using var db = app.CreateDbContext();
        return await db.ToolFeedback.AsNoTracking().Where(f => f.ToolId == tool.Id).OrderBy(f => f.Id).ToListAsync(Ct);
    }

    private async Task<string> HelpfulnessAsync(Tool tool) =>
        (await app.GetDocumentAsync($"/tools/{tool.Slug}")).QuerySelector("#tool-helpfulness")!.TextContent.Trim();

    [Fact]
    public async Task ToolPage_AsksWhetherItHelped_WithTheFormAndThePersonalInformationNote()
    {
        var tool = await app.CreateToolAsync();

        var doc = await app.GetDocumentAsync($"/tools/{tool.Slug}");

        var form = doc.QuerySelector<IHtmlFormElement>($"form[action='/tools/{tool.Slug}/feedback']")!;
        Assert.Equal("post", form.Method);
        Assert.NotNull(form.QuerySelector($"input[name={FormPost.TokenField}]"));
        Assert.Equal("Did this tool help you?", form.QuerySelector("legend")!.TextContent.Trim());
        Assert.Equal(["yes", "no"], form.QuerySelectorAll("input[name=Helped]").Select(i => i.GetAttribute("value")));
        Assert.NotNull(form.QuerySelector("textarea#WhatItHelpedWith"));
        Assert.NotNull(form.QuerySelector(".app-honeypot input[name=Website]"));
        Assert.Contains("Do not include personal information", doc.QuerySelector("#personal-information")!.TextContent);
        Assert.Equal("Nobody has answered yet.", doc.QuerySelector("#tool-helpfulness")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_Valid_StoresTheAnswer_AndGoesBackToTheToolPageWithABanner()
    {
        var tool = await app.CreateToolAsync();
        using var client = app.CreateBrowserLikeClient();

        using var response = await PostAsync(tool, With("WhatItHelpedWith", "  Line one\r\nline two  "), client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/tools/{tool.Slug}", response.Headers.Location!.OriginalString);
        var stored = Assert.Single(await StoredAsync(tool));
        Assert.True(stored.Helped);
        Assert.Equal("Line one\nline two", stored.WhatItHelpedWith);
        Assert.Equal(FeedbackKind.Tool, stored.Kind);
        Assert.Equal(FeedbackStatus.New, stored.Status);
        Assert.False(stored.ConsentToPublish);
        Assert.Null(stored.Email);

        using var page = await client.GetAsync(response.Headers.Location, Ct);
        var doc = await CatalogueAppFactory.ParseAsync(page);
        Assert.Equal("Thank you. Your answer has been sent.", doc.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Equal("1 of 1 person said it helped.", doc.QuerySelector("#tool-helpfulness")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_OnlyTheRequiredAnswer_IsAccepted()
    {
        var tool = await app.CreateToolAsync();

        using var response = await PostAsync(tool, [new("Helped", "no")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await StoredAsync(tool));
        Assert.False(stored.Helped);
        Assert.Null(stored.WhatItHelpedWith);
    }

    public static TheoryData<string, string?, string> InvalidAnswers => new()
    {
        { "Helped", null, "Select yes if this tool helped you, or no" },
        { "Helped", "maybe", "Select yes if this tool helped you, or no" },
        { "WhatItHelpedWith", new string('a', 2001), "What it helped you do must be 2,000 characters or fewer" },
        { "WhatItHelpedWith", "Bad \u0007 bell", "What it helped you do must not contain hidden control characters" },
    };

    [Theory]
    [MemberData(nameof(InvalidAnswers))]
    public async Task Post_InvalidAnswer_ShowsTheToolPageWithTheError_AndKeepsTheOtherAnswer(string field, string? value, string message)
    {
        var tool = await app.CreateToolAsync();

        using var response = await PostAsync(tool, With(field, value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal($"Error: {tool.Name} – Learning personas", doc.Title);
        Assert.Equal(tool.Name, doc.QuerySelector("h1")!.TextContent.Trim());
        var summary = Assert.Single(doc.QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Equal($"#{field}", summary.GetAttribute("href"));
        Assert.Equal(message, summary.TextContent.Trim());
        Assert.Contains(message, doc.QuerySelector($"#{field}-error")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"#{field}"));
        if (field == "Helped")
        {
            Assert.Equal("Checking a spreadsheet before we published it.", doc.QuerySelector("textarea#WhatItHelpedWith")!.TextContent);
        }
        else
        {
            Assert.NotNull(doc.QuerySelector("input[name=Helped][value=yes][checked]"));
            Assert.Equal(value, doc.QuerySelector("textarea#WhatItHelpedWith")!.TextContent);
        }

        // The page can be sent again from where it is.
        Assert.NotNull(doc.QuerySelector($"form[action='/tools/{tool.Slug}/feedback'] input[name={FormPost.TokenField}]"));
        Assert.Empty(await StoredAsync(tool));
    }

    [Fact]
    public async Task Counts_FollowEachAnswer_AndLeaveOutOneMarkedAsSpam()
    {
        var tool = await app.CreateToolAsync();
        var (staff, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        foreach (var helped in new[] { "yes", "no", "yes" })
        {
            using var response = await PostAsync(tool, [new("Helped", helped)]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal("2 of 3 people said it helped.", await HelpfulnessAsync(tool));

        var spam = (await StoredAsync(tool)).Last();
        using var marked = await staff.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{spam.Id}/spam");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        Assert.Equal("1 of 2 people said it helped.", await HelpfulnessAsync(tool));

        using var restored = await staff.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{spam.Id}/review");
        Assert.Equal("2 of 3 people said it helped.", await HelpfulnessAsync(tool));
    }

    [Fact]
    public async Task Post_HoneypotFilled_StoresNothingButThanksTheBot()
    {
        var tool = await app.CreateToolAsync();

        using var response = await PostAsync(tool, With("Website", "https://spam.example.com"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/tools/{tool.Slug}", response.Headers.Location!.OriginalString);
        Assert.Empty(await StoredAsync(tool));
    }

    [Fact]
    public async Task Post_UnknownTool_IsNotFound()
    {
        var tool = await app.CreateToolAsync();
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.PostFormAsync($"/tools/{tool.Slug}", ValidFields(), "/tools/no-such-tool/feedback");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var tool = await app.CreateToolAsync();
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.PostAsync($"/tools/{tool.Slug}/feedback", new FormUrlEncodedContent(ValidFields()), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await StoredAsync(tool));
    }

    [Fact]
    public async Task Get_TheFormAddress_GoesBackToTheTool()
    {
        var tool = await app.CreateToolAsync();
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.GetAsync($"/tools/{tool.Slug}/feedback", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/tools/{tool.Slug}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task WhatThePublicTyped_IsStoredAsTyped_AndTheToolPageNeverShowsIt()
    {
        var tool = await app.CreateToolAsync();

        using var response = await PostAsync(tool, With("WhatItHelpedWith", "<script>alert(1)</script>"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("<script>alert(1)</script>", Assert.Single(await StoredAsync(tool)).WhatItHelpedWith);
        Assert.DoesNotContain("alert(1)", (await app.GetDocumentAsync($"/tools/{tool.Slug}")).DocumentElement.OuterHtml);
    }
}
