using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Tools;

/// <summary>
/// A persona or skill page lists at most 20 of its tools, the most found helpful first and then by name, says how many
/// there are in all and links to the filtered tools list, which has every one of them. Each test links 30 tools of its
/// own to a persona or skill in this class's own database.
/// </summary>
public class LinkedToolsTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    [Fact]
    public async Task PersonaPage_WithMoreToolsThanTheBound_ShowsTwentyBestFirstThenByName_AndLinksToAllOfThem()
    {
        var (best, second) = await LinkThirtyToolsAsync(link: tool => tool.Personas.Add(new PersonaTool { PersonaId = PersonaId("ida"), Why = "It helps Ida." }));
        await using var db = app.CreateDbContext();
        var all = await db.PersonaTools.Where(pt => pt.Persona.Slug == "ida" && pt.Tool.Status == ToolStatus.Published)
            .Select(pt => pt.Tool.Name).ToListAsync(TestContext.Current.CancellationToken);

        var doc = await app.GetDocumentAsync("/personas/ida");

        var section = doc.QuerySelector("section[aria-labelledby=tools]")!;
        var shown = section.QuerySelectorAll("li a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(ExpectedOrder(all, best, second), shown);
        Assert.Contains($"Showing 20 of {all.Count} recommended tools", section.TextContent);
        var link = section.QuerySelectorAll("a").Single(a => a.TextContent.Contains($"See all {all.Count} tools recommended for Ida"));
        Assert.Equal("/tools?persona=ida&sort=helpful", link.GetAttribute("href"));
        Assert.Equal(all.Order(StringComparer.Ordinal), (await ListedAsync(link.GetAttribute("href")!)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SkillPage_WithMoreToolsThanTheBound_ShowsTwentyBestFirstThenByName_AndLinksToAllOfThem()
    {
        var (best, second) = await LinkThirtyToolsAsync(link: tool => tool.Skills.Add(new ToolSkill { SkillId = SkillId("classifying-data") }));
        await using var db = app.CreateDbContext();
        var all = await db.ToolSkills.Where(ts => ts.Skill.Slug == "classifying-data" && ts.Tool.Status == ToolStatus.Published)
            .Select(ts => ts.Tool.Name).ToListAsync(TestContext.Current.CancellationToken);

        var doc = await app.GetDocumentAsync("/skills/classifying-data");

        var shown = doc.QuerySelectorAll("ul.govuk-list li > a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(ExpectedOrder(all, best, second), shown);
        Assert.Contains($"Showing 20 of {all.Count} tools", doc.Body!.TextContent);
        var link = doc.QuerySelectorAll("a").Single(a => a.TextContent.Contains($"See all {all.Count} tools for this skill"));
        Assert.Equal("/tools?skill=classifying-data&sort=helpful", link.GetAttribute("href"));
        Assert.Equal(all.Order(StringComparer.Ordinal), (await ListedAsync(link.GetAttribute("href")!)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SkillsFramework_CountsEachSkillsPublishedToolsOnly()
    {
        var skillId = SkillId("leading-change");
        await using var db = app.CreateDbContext();
        var before = await db.ToolSkills.CountAsync(ts => ts.SkillId == skillId && ts.Tool.Status == ToolStatus.Published, TestContext.Current.CancellationToken);
        var tools = new List<Tool>();
        for (var i = 0; i < 3; i++)
        {
            tools.Add(await app.CreateToolAsync());
        }

        foreach (var tool in tools)
        {
            db.ToolSkills.Add(new ToolSkill { ToolId = tool.Id, SkillId = skillId });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var retired = await db.Tools.SingleAsync(t => t.Id == tools[0].Id, TestContext.Current.CancellationToken);
        retired.Status = ToolStatus.Retired;
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var doc = await app.GetDocumentAsync("/skills");

        var row = doc.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Leading change");
        // Three linked, one of them retired: two more than before.
        Assert.Equal((before + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[1].TextContent.Trim());
    }

    /// <summary>
    /// Two found helpful by five people each (all five, then three of five), both named to sort last by name, and 28
    /// that nobody answered about. Returns the two names, best first.
    /// </summary>
    private async Task<(string Best, string Second)> LinkThirtyToolsAsync(Action<Tool> link)
    {
        var prefix = TestData.Unique("Linked");
        var tools = new List<Tool>();
        for (var i = 0; i < 30; i++)
        {
            // "~" sorts after every letter, so only their answers can put the two answered tools first.
            var name = i switch { 0 => $"~{prefix} helped by all", 1 => $"~{prefix} helped by some", _ => $"{prefix} {i:00}" };
            var tool = await app.CreateToolAsync(name);
            tools.Add(tool);
        }

        await using (var db = app.CreateDbContext())
        {
            foreach (var tool in tools)
            {
                var tracked = await db.Tools.Include(t => t.Personas).Include(t => t.Skills).SingleAsync(t => t.Id == tool.Id, TestContext.Current.CancellationToken);
                link(tracked);
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < 5; i++)
        {
            await app.CreateToolFeedbackAsync(tools[0], helped: true);
            await app.CreateToolFeedbackAsync(tools[1], helped: i < 3);
        }

        return (tools[0].Name, tools[1].Name);
    }

    /// <summary>The two answered tools, then the rest by name, ignoring case as the tools list does, twenty in all.</summary>
    private static List<string> ExpectedOrder(List<string> all, string best, string second) =>
        [best, second, .. all.Where(n => n != best && n != second).Order(StringComparer.OrdinalIgnoreCase).Take(18)];

    /// <summary>Every tool name on every page of a tools list.</summary>
    private async Task<List<string>> ListedAsync(string href)
    {
        var names = new List<string>();
        for (var page = 1; page <= 10; page++)
        {
            IHtmlDocument doc = await app.GetDocumentAsync(page == 1 ? href : $"{href}&page={page}");
            var onPage = doc.QuerySelectorAll(".app-card__title a").Select(a => a.TextContent.Trim()).ToList();
            if (onPage.Count == 0 || names.Contains(onPage[0]))
            {
                break;
            }

            names.AddRange(onPage);
        }

        return names;
    }

    private int PersonaId(string slug)
    {
        using var db = app.CreateDbContext();
        return db.Personas.Single(p => p.Slug == slug).Id;
    }

    private int SkillId(string slug)
    {
        using var db = app.CreateDbContext();
        return db.Skills.Single(s => s.Slug == slug).Id;
    }
}
