using System.Net;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Personas;

public class PersonaPagesTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    [Fact]
    public async Task Index_ListsTheFivePersonasInSeedOrder()
    {
        var doc = await app.GetDocumentAsync("/personas");

        var names = doc.QuerySelectorAll(".app-card__title a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Alan", "Chris", "Ida", "Pat", "Sara"], names.Order().ToList());
        Assert.Equal("Personas – Learning personas", doc.Title);
    }

    [Fact]
    public async Task Detail_Sara_ShowsDesigningServicesAtItsLevelWithWhy()
    {
        var doc = await app.GetDocumentAsync("/personas/sara");

        var skill = doc.QuerySelectorAll(".app-skill-list li")
            .Single(li => li.QuerySelector("a")!.TextContent.Trim() == "Designing services");
        Assert.Equal("/skills/designing-services", skill.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Practitioner", skill.QuerySelector(".govuk-tag")!.TextContent.Trim());
        Assert.Contains("main job", skill.QuerySelector("p")!.TextContent);
        Assert.Contains("Business", doc.QuerySelectorAll("#skills ~ h3, h3").Select(h => h.TextContent));
    }

    [Fact]
    public async Task Detail_Sara_ListsEveryPublishedToolLinkedToHerWithWhy()
    {
        await using var db = app.CreateDbContext();
        var expected = await db.PersonaTools
            .Where(pt => pt.Persona.Slug == "sara" && pt.Tool.Status == ToolStatus.Published)
            .Select(pt => new { pt.Tool.Name, pt.Why })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(expected);

        var doc = await app.GetDocumentAsync("/personas/sara");

        var section = doc.QuerySelector("section[aria-labelledby=tools]")!;
        var listed = section.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(expected.Count, listed.Count);
        foreach (var tool in expected)
        {
            Assert.Contains(listed, text => text.Contains(tool.Name) && text.Contains(tool.Why));
        }
    }

    [Fact]
    public async Task Detail_ShowsGoalsNeedsAndIterationHistory()
    {
        var doc = await app.GetDocumentAsync("/personas/chris");

        Assert.NotEmpty(doc.QuerySelectorAll("section[aria-labelledby=goals] li"));
        Assert.NotEmpty(doc.QuerySelectorAll("section[aria-labelledby=needs] li"));
        var history = doc.QuerySelectorAll("section[aria-labelledby=history] .govuk-summary-list__key").Select(k => k.TextContent).ToList();
        Assert.Equal(3, history.Count);
        Assert.StartsWith("Iteration 3", history[0].Trim());
        Assert.Contains("iteration 3", doc.QuerySelector(".govuk-caption-l")!.TextContent);
    }

    [Fact]
    public async Task Detail_UnknownSlug_ShowsTheNotFoundPage()
    {
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/personas/nobody", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Page not found", doc.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Detail_RetiredTool_IsNotRecommended()
    {
        await using (var db = app.CreateDbContext())
        {
            var link = await db.PersonaTools.Include(pt => pt.Tool).FirstAsync(pt => pt.Persona.Slug == "alan", TestContext.Current.CancellationToken);
            link.Tool.Status = ToolStatus.Retired;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);

            var doc = await app.GetDocumentAsync("/personas/alan");

            Assert.DoesNotContain(doc.QuerySelectorAll("section[aria-labelledby=tools] a"), a => a.GetAttribute("href") == $"/tools/{link.Tool.Slug}");
            link.Tool.Status = ToolStatus.Published;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
    }
}
