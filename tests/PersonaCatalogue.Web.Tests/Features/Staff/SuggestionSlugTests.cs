using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff;

/// <summary>The address offered when a moderator approves a suggestion: made from the tool's name, and free.</summary>
public class SuggestionSlugTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Open Bins Map", "open-bins-map")]
    [InlineData("  R&D -- Toolkit (v2)! ", "r-d-toolkit-v2")]
    [InlineData("Café Données", "caf-donn-es")]
    [InlineData("!!!", "tool")]
    [InlineData("", "tool")]
    [InlineData("A very long name for a tool that goes on and on, well past sixty characters", "a-very-long-name-for-a-tool-that-goes-on-and-on-well-past-si")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghi tail", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghi")]
    public void FromName_IsAValidSlugOfAtMostSixtyCharacters(string name, string expected)
    {
        var slug = Slugs.FromName(name);

        Assert.Equal(expected, slug);
        Assert.True(Slugs.IsValid(slug));
        Assert.True(slug.Length <= 60);
    }

    [Fact]
    public async Task Approve_NameOfAnExistingTool_OffersTheNextFreeNumber()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync(toolName: "CSVLint");

        var doc = await CatalogueAppFactory.ParseAsync(await client.GetAsync($"/staff/suggestions/{suggestion.Id}/approve", Ct));

        Assert.Equal("csvlint-2", doc.QuerySelector("#Slug")!.GetAttribute("value"));
    }
}
