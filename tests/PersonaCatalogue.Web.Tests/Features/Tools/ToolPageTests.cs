using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Tools;

/// <summary>A tool page labels what this catalogue decided (who the tool helps, which skills it supports) as ours.</summary>
public class ToolPageTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    [Fact]
    public async Task EverySeedTool_LabelsWhoItHelpsAndItsSkillsAsOurReading()
    {
        var slugs = Directory.GetFiles(Path.Combine(TestPaths.SeedData, "tools"), "*.md").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(48, slugs.Count);

        foreach (var slug in slugs)
        {
            var page = await app.GetDocumentAsync($"/tools/{slug}");
            foreach (var heading in new[] { "Who it helps", "Skills it supports" })
            {
                var h2 = page.QuerySelectorAll("main h2").SingleOrDefault(h => h.TextContent.Trim() == heading);
                Assert.True(h2 is not null, $"{slug}: no '{heading}' section");
                var label = h2.NextElementSibling;
                Assert.True(label?.GetAttribute("data-source") == "catalogue" && label.QuerySelector(".app-our-reading__label")?.TextContent.Trim() == "Our reading",
                    $"{slug}: '{heading}' is not labelled as our reading");
            }
        }
    }
}
