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
    public async Task Detail_Sara_ListsTwentyOfHerPublishedToolsWithWhy_AndSaysHowManyThereAre()
    {
        await using var db = app.CreateDbContext();
        var expected = await db.PersonaTools
            .Where(pt => pt.Persona.Slug == "sara" && pt.Tool.Status == ToolStatus.Published)
            .Select(pt => new { pt.Tool.Name, pt.Why })
            .ToListAsync(TestContext.Current.CancellationToken);
        // The seed catalogue links more tools to Sara than a persona page shows (20).
        Assert.True(expected.Count > 20, $"Sara has {expected.Count} tools");

        var doc = await app.GetDocumentAsync("/personas/sara");

        var section = doc.QuerySelector("section[aria-labelledby=tools]")!;
        var listed = section.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(20, listed.Count);
        foreach (var text in listed)
        {
            Assert.Contains(expected, tool => text.Contains(tool.Name) && text.Contains(tool.Why));
        }

        Assert.Contains($"Showing 20 of {expected.Count} recommended tools", section.TextContent);
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

    /// <summary>
    /// Frustrations, skill levels and reasons, and tools with their reasons are ours, not the ODI's: on every persona page
    /// each of them sits inside a part marked as ours, in a section that shows the "Our reading" label.
    /// </summary>
    [Fact]
    public async Task Detail_EveryPersona_LabelsOurWritingAsOurs_AndTheOdisAsTheOdis()
    {
        await using var db = app.CreateDbContext();
        var slugs = await db.Personas.Select(p => p.Slug).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(5, slugs.Count);

        foreach (var slug in slugs)
        {
            var doc = await app.GetDocumentAsync($"/personas/{slug}");
            var ours = doc.QuerySelectorAll("#frustrations ~ ul li, .app-persona__skills .govuk-tag, .app-persona__skill-why, .app-persona__tool-why").ToList();
            Assert.True(ours.Count > 10, $"{slug}: expected frustrations, levels and reasons, found {ours.Count}");
            foreach (var item in ours)
            {
                Assert.True(item.Closest("[data-source]")?.GetAttribute("data-source") == "catalogue", $"{slug}: '{item.TextContent.Trim()}' is not marked as ours");
                var label = item.Closest("section")!.QuerySelector(".app-our-reading__label");
                Assert.True(label?.TextContent.Trim() == "Our reading", $"{slug}: the section of '{item.TextContent.Trim()}' has no 'Our reading' label");
            }

            Assert.Equal("Our reading: frustrations", doc.QuerySelector("#frustrations")!.TextContent.Trim());
            Assert.Equal("Our reading: tools that could help", doc.QuerySelector("#tools")!.TextContent.Trim());
            foreach (var odi in doc.QuerySelectorAll("#goals ~ ul li, #needs ~ ul li"))
            {
                Assert.Equal("odi", odi.Closest("[data-source]")!.GetAttribute("data-source"));
            }

            Assert.Contains("February 2019", doc.QuerySelector(".app-provenance")!.TextContent);
        }
    }
}
