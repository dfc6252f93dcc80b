using System.Net;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff;

public class DuplicateFormTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    [Fact]
    public async Task Post_ToolSlugMissing_ShowsOneErrorLinkedToTheField()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var suggestion = await app.CreateSuggestionAsync();

        using var response = await client.PostFormAsync($"/staff/suggestions/{suggestion.Id}",
            [new("Version", suggestion.Version.ToString()), new("ToolSlug", " ")], $"/staff/suggestions/{suggestion.Id}/duplicate");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        var link = Assert.Single(doc.QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Equal(("#ToolSlug", "Enter the address of the tool it duplicates"), (link.GetAttribute("href"), link.TextContent));
        Assert.Contains("Enter the address of the tool it duplicates", doc.QuerySelector("#ToolSlug-error")!.TextContent);
    }
}
