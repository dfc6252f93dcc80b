using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff;

/// <summary>Who sent a suggestion is for Administrators; Moderators review the tool alone.</summary>
public class SuggesterDetailsTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Review_Moderator_SeesNoNameEmailOrOrganisation()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var set = await app.CreatePersonalDataAsync(DateTime.UtcNow);

        using var response = await client.GetAsync($"/staff/suggestions/{set.SuggestionId}", Ct);

        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(set.Reference, html);
        Assert.DoesNotContain(set.Email, html);
        Assert.DoesNotContain("Sam Jones", html);
        Assert.DoesNotContain("Devon County Council", html);
        Assert.Null((await CatalogueAppFactory.ParseAsync(response)).QuerySelector("#suggester"));
    }

    [Fact]
    public async Task Review_Administrator_SeesWhoSentIt()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var set = await app.CreatePersonalDataAsync(DateTime.UtcNow);

        using var response = await client.GetAsync($"/staff/suggestions/{set.SuggestionId}", Ct);

        var from = (await CatalogueAppFactory.ParseAsync(response)).QuerySelector("#suggester dd")!.TextContent;
        Assert.Equal($"Sam Jones, Devon County Council, {set.Email}", from);
    }
}
