using System.Net;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Skills;

public class SkillPagesTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    [Fact]
    public async Task Index_ShowsSixAreasAndTwentySevenSkillsWithCounts()
    {
        var doc = await app.GetDocumentAsync("/skills");

        Assert.Equal(6, doc.QuerySelectorAll("section h2").Length);
        var rows = doc.QuerySelectorAll("tbody tr");
        Assert.Equal(27, rows.Length);
        var designing = rows.Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Designing services");
        // Sara and Ida need designing services.
        Assert.Equal("2", designing.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Contains("Awareness", doc.QuerySelector(".govuk-summary-list")!.TextContent);
        Assert.Contains("Practitioner", doc.QuerySelector(".govuk-summary-list")!.TextContent);
    }

    [Fact]
    public async Task Detail_ShowsThePersonasThatNeedItWithLevelAndTheToolsThatHelp()
    {
        var doc = await app.GetDocumentAsync("/skills/designing-services");

        Assert.Equal("Designing services", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Business", doc.QuerySelector(".govuk-caption-l")!.TextContent.Trim());
        var personas = doc.QuerySelectorAll(".app-skill-list li").ToList();
        Assert.Equal(2, personas.Count);
        var sara = personas.Single(li => li.TextContent.Contains("Sara"));
        Assert.Equal("Practitioner", sara.QuerySelector(".govuk-tag")!.TextContent.Trim());
        Assert.NotEmpty(doc.QuerySelectorAll("ul.govuk-list a[href^='/tools/']"));
        var tools = doc.QuerySelectorAll("main h2").Single(h => h.TextContent.Trim() == "Tools that help with this skill");
        Assert.Equal("Our reading", tools.NextElementSibling?.QuerySelector(".app-our-reading__label")?.TextContent.Trim());
    }

    [Fact]
    public async Task Detail_UnknownSlug_Is404()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/skills/juggling", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
