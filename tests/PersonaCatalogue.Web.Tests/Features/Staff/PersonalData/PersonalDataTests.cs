using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff.PersonalData;

/// <summary>Erasure on request at /staff/personal-data: Administrators only.</summary>
public class PersonalDataTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private const string Page = "/staff/personal-data";
    private static readonly DateTime _sent = new(2026, 5, 4, 10, 30, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_Administrator_SeesEveryItemHeldForTheAddress_WhateverItsCase()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var set = await app.CreatePersonalDataAsync(_sent);

        using var response = await client.PostFormAsync(Page, [new("Email", set.Email.ToUpperInvariant())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await CatalogueAppFactory.ParseAsync(response)).QuerySelectorAll("#matches tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))
            .ToList();
        Assert.Equal(
        [
            $"Tool suggestion | 4 May 2026, 10:30 | {set.Reference}",
            $"Persona feedback | 4 May 2026, 10:30 | Feedback {set.PersonaFeedbackId}",
            $"Tool feedback | 4 May 2026, 10:30 | Feedback {set.ToolFeedbackId}",
            $"Missing persona | 4 May 2026, 10:30 | Feedback {set.MissingPersonaId}",
            $"Support need | 4 May 2026, 10:30 | Feedback {set.SupportNeedId}",
        ], rows);
    }

    [Fact]
    public async Task Search_AddressNobodyGave_SaysNothingIsHeld()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Administrator);

        using var response = await client.PostFormAsync(Page, [new("Email", "nobody-here@example.org")]);

        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("We hold nothing for this address.", doc.QuerySelector("#nothing-held")!.TextContent);
        Assert.Null(doc.QuerySelector("form[action='/staff/personal-data/erase']"));
    }

    [Theory]
    [InlineData("", "Enter the email address to search for")]
    [InlineData("not an address", "Enter an email address in the correct format, like name@example.com")]
    public async Task Search_BadAddress_Shows400WithTheErrorAndKeepsIt(string email, string message)
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Administrator);

        using var response = await client.PostFormAsync(Page, [new("Email", email)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.StartsWith("Error: ", doc.Title);
        Assert.Equal("#Email", doc.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Contains(message, doc.QuerySelector("#Email-error")!.TextContent);
        Assert.Equal(email, doc.QuerySelector("#Email")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Erase_WithoutReason_Shows400_KeepsTheMatches_AndErasesNothing()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var set = await app.CreatePersonalDataAsync(_sent);

        using var response = await client.PostFormAsync(Page, [new("Email", set.Email), new("Reason", "  ")], $"{Page}/erase");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.StartsWith("Error: ", doc.Title);
        Assert.Equal("#Reason", doc.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Contains("Enter the reason for erasing, such as who asked and when", doc.QuerySelector("#Reason-error")!.TextContent);
        Assert.Equal(5, doc.QuerySelectorAll("#matches tbody tr").Length);
        Assert.Equal(set.Email, (await app.PersonalFieldsAsync(set))[1]);
    }

    [Fact]
    public async Task Erase_Administrator_BlanksEveryItem_AuditsTheReasonNotTheAddress_AndTheCsvHoldsNoTrace()
    {
        var (client, admin) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var set = await app.CreatePersonalDataAsync(_sent);
        var other = await app.CreatePersonalDataAsync(_sent);

        using var response = await client.PostFormAsync(Page, [new("Email", set.Email), new("Reason", "Asked by email on 3 March")], $"{Page}/erase");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Page, response.Headers.Location!.OriginalString);
        using var after = await client.GetAsync(Page, Ct);
        Assert.Equal("Personal data erased from 5 items", (await CatalogueAppFactory.ParseAsync(after)).QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Equal([null, null, null, null, null, null, null], await app.PersonalFieldsAsync(set));
        Assert.Equal(other.Email, (await app.PersonalFieldsAsync(other))[1]);

        await using (var db = app.CreateDbContext())
        {
            var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "personal-data.erased" && e.Details.Contains(set.Reference), Ct);
            Assert.Equal(admin, audit.UserEmail);
            Assert.Contains("Asked by email on 3 March", audit.Details);
            Assert.DoesNotContain(set.Email, audit.Details + audit.TargetKey, StringComparison.OrdinalIgnoreCase);
            // The rows stay: the answers are still there.
            Assert.Equal("It needs more about procurement.", (await db.PersonaFeedback.AsNoTracking().SingleAsync(f => f.Id == set.PersonaFeedbackId, Ct)).MissingOrWrong);
        }

        using var csv = await client.GetAsync("/staff/feedback/export.csv?status=all", Ct);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains(other.Email, text);
        Assert.DoesNotContain(set.Email, text, StringComparison.OrdinalIgnoreCase);
        using var review = await client.GetAsync($"/staff/suggestions/{set.SuggestionId}", Ct);
        Assert.DoesNotContain(set.Email, await review.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        using var search = await client.PostFormAsync(Page, [new("Email", set.Email)]);
        Assert.NotNull((await CatalogueAppFactory.ParseAsync(search)).QuerySelector("#nothing-held"));
    }

    [Fact]
    public async Task Moderator_IsRefusedThePageAndTheErase_AndNothingChanges()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var set = await app.CreatePersonalDataAsync(_sent);

        using var get = await client.GetAsync(Page, Ct);
        using var search = await client.PostFormAsync("/staff", [new("Email", set.Email)], Page);
        using var erase = await client.PostFormAsync("/staff", [new("Email", set.Email), new("Reason", "Because")], $"{Page}/erase");

        foreach (var response in new[] { get, search, erase })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/staff/access-denied", response.Headers.Location!.AbsolutePath);
        }

        using var denied = await client.GetAsync(get.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(set.Email, (await app.PersonalFieldsAsync(set))[1]);
        await using var db = app.CreateDbContext();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == "personal-data.erased" && e.Details.Contains(set.Reference), Ct));
    }
}
