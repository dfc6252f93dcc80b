using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Feedback;

/// <summary>The feedback section of the persona page: counts on the current iteration, spam left out, and published comments only.</summary>
public class PersonaFeedbackSummaryTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each answer's row in a bars table: (people, percentage text, bar width class).</summary>
    public static Dictionary<string, (string People, string Percent, string Bar)> Bars(IDocument doc, string tableId) =>
        doc.QuerySelectorAll($"table#{tableId} tbody tr").ToDictionary(
            row => row.QuerySelector("th")!.TextContent.Trim(),
            row => (row.QuerySelector(".app-bars__count")!.TextContent.Trim(),
                row.QuerySelector(".app-bars__percent")!.TextContent.Trim(),
                row.QuerySelector(".app-bar")!.ClassList.Single(c => c.StartsWith("app-bar--"))));

    private async Task<PersonaFeedback> SubmitAsync(Persona persona, string usefulness, string rightPeople)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.PostFormAsync($"/personas/{persona.Slug}/feedback", [new("Usefulness", usefulness), new("RightPeople", rightPeople)]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.CreateDbContext();
        return await db.PersonaFeedback.OrderByDescending(f => f.Id).FirstAsync(f => f.PersonaId == persona.Id, Ct);
    }

    [Fact]
    public async Task NoFeedbackYet_SaysSo()
    {
        var persona = await app.CreatePersonaAsync();

        var doc = await app.GetDocumentAsync($"/personas/{persona.Slug}");

        Assert.Equal("Nobody has given feedback on this iteration yet.", doc.QuerySelector("#feedback-count")!.TextContent.Trim());
        Assert.Null(doc.QuerySelector("table#usefulness"));
    }

    [Fact]
    public async Task SeveralSubmissions_AreCountedPerAnswerWithPercentagesAndBars()
    {
        var persona = await app.CreatePersonaAsync();
        await SubmitAsync(persona, "very", "yes");
        await SubmitAsync(persona, "very", "partly");
        await SubmitAsync(persona, "very", "yes");
        await SubmitAsync(persona, "somewhat", "no");

        var doc = await app.GetDocumentAsync($"/personas/{persona.Slug}");

        Assert.Equal("4 people have answered.", doc.QuerySelector("#feedback-count")!.TextContent.Trim());
        var usefulness = Bars(doc, "usefulness");
        Assert.Equal(("3", "75%", "app-bar--75"), usefulness["Very useful"]);
        Assert.Equal(("1", "25%", "app-bar--25"), usefulness["Somewhat useful"]);
        Assert.Equal(("0", "0%", "app-bar--0"), usefulness["Not useful"]);
        var rightPeople = Bars(doc, "right-people");
        Assert.Equal(("2", "50%", "app-bar--50"), rightPeople["Yes"]);
        Assert.Equal(("1", "25%", "app-bar--25"), rightPeople["Partly"]);
        Assert.Equal(("1", "25%", "app-bar--25"), rightPeople["No"]);
        // The bars are decoration; the numbers are text; nothing is styled inline (the CSP forbids it).
        Assert.All(doc.QuerySelectorAll(".app-bars__track"), track => Assert.Equal("true", track.GetAttribute("aria-hidden")));
        Assert.Empty(doc.QuerySelectorAll("[style], style, script"));
    }

    [Fact]
    public async Task Bars_RoundToFivePercentSteps_AndAnyAnswerShowsASliver()
    {
        var persona = await app.CreatePersonaAsync();
        for (var i = 0; i < 30; i++)
        {
            await app.CreatePersonaFeedbackAsync(persona, usefulness: i == 0 ? Usefulness.NotUseful : i < 11 ? Usefulness.SomewhatUseful : Usefulness.VeryUseful);
        }

        var doc = await app.GetDocumentAsync($"/personas/{persona.Slug}");

        var usefulness = Bars(doc, "usefulness");
        Assert.Equal(("19", "63%", "app-bar--65"), usefulness["Very useful"]);
        Assert.Equal(("10", "33%", "app-bar--35"), usefulness["Somewhat useful"]);
        Assert.Equal(("1", "3%", "app-bar--5"), usefulness["Not useful"]);
    }

    [Fact]
    public async Task Comments_OnlyPublishedOnesWithConsentAppear_WithoutEmailOrRole()
    {
        var persona = await app.CreatePersonaAsync();
        await app.CreatePersonaFeedbackAsync(persona, missingOrWrong: "Unpublished but agreed", consent: true);
        await app.CreatePersonaFeedbackAsync(persona, missingOrWrong: "Did not agree", consent: false);
        await app.CreatePersonaFeedbackAsync(persona, missingOrWrong: "Published then spam", consent: true, published: true, status: FeedbackStatus.Spam);
        await app.CreatePersonaFeedbackAsync(persona, missingOrWrong: "Published & <b>agreed</b>", howWouldYouUseIt: "In a workshop",
            consent: true, published: true, email: "private.person@example.org", role: GiverRole.Other, status: FeedbackStatus.Reviewed);

        var doc = await app.GetDocumentAsync($"/personas/{persona.Slug}");

        var comments = doc.QuerySelectorAll(".app-comment");
        var comment = Assert.Single(comments);
        Assert.Contains("Published & <b>agreed</b>", comment.TextContent);
        Assert.Contains("In a workshop", comment.TextContent);
        Assert.Null(comment.QuerySelector("b"));
        var page = doc.DocumentElement.OuterHtml;
        Assert.DoesNotContain("private.person", page);
        Assert.DoesNotContain("Unpublished but agreed", page);
        Assert.DoesNotContain("Did not agree", page);
        Assert.DoesNotContain("Published then spam", page);
    }

    [Fact]
    public async Task NewIteration_StartsWithEmptyCounts_AndKeepsPublishedCommentsLabelledWithTheirIteration()
    {
        var persona = await app.CreatePersonaAsync();
        await SubmitAsync(persona, "very", "yes");
        await app.CreatePersonaFeedbackAsync(persona, missingOrWrong: "Say more about budgets", consent: true, published: true, status: FeedbackStatus.Reviewed);

        await using (var db = app.CreateDbContext())
        {
            db.PersonaIterations.Add(new PersonaIteration { PersonaId = persona.Id, Number = 2, PublishedOn = new DateOnly(2026, 4, 1), ChangeNotes = "Added budgets, as people asked." });
            await db.Personas.Where(p => p.Id == persona.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Iteration, 2), Ct);
            await db.SaveChangesAsync(Ct);
        }

        var doc = await app.GetDocumentAsync($"/personas/{persona.Slug}");

        Assert.Equal("What people told us about iteration 2", doc.QuerySelector("#feedback")!.TextContent.Trim());
        Assert.Equal("Nobody has given feedback on this iteration yet.", doc.QuerySelector("#feedback-count")!.TextContent.Trim());
        Assert.Contains("On iteration 1", doc.QuerySelector(".app-comment")!.TextContent);
        Assert.Contains("Added budgets, as people asked.", doc.QuerySelector("section[aria-labelledby=history]")!.TextContent);

        var stored = await SubmitAsync(persona, "somewhat", "partly");
        Assert.Equal(2, stored.Iteration);
        var after = await app.GetDocumentAsync($"/personas/{persona.Slug}");
        Assert.Equal("1 person has answered.", after.QuerySelector("#feedback-count")!.TextContent.Trim());
        Assert.Equal(("1", "100%", "app-bar--100"), Bars(after, "usefulness")["Somewhat useful"]);
        Assert.Equal(("0", "0%", "app-bar--0"), Bars(after, "usefulness")["Very useful"]);
    }

    [Fact]
    public async Task FeedbackSection_IsNotPrinted()
    {
        var persona = await app.CreatePersonaAsync();

        var doc = await app.GetDocumentAsync($"/personas/{persona.Slug}");

        Assert.Contains("app-no-print", doc.QuerySelector("section[aria-labelledby=feedback]")!.ClassList);
    }
}
