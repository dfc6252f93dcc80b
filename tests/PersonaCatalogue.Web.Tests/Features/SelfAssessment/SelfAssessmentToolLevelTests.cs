using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Import;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.SelfAssessment;

/// <summary>
/// A tool–skill link may say which level it suits (seed files' <c>skill_levels</c>). The shipped seed data gives none,
/// because no source does; these tests give one in a copy of the seed data.
/// </summary>
public class SelfAssessmentToolLevelTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string AlmostSara = "introductions=aana&business=ncc&management=aaaca&publishing=nnnn&analysis=nnnnnnn&leadership=nann";

    [Fact]
    public async Task ShippedSeedData_GivesNoToolALevel()
    {
        await using var db = app.CreateDbContext();
        Assert.False(await db.ToolSkills.AnyAsync(ts => ts.SkillLevelId != null, Ct));
    }

    [Fact]
    public async Task ToolWithALevelForTheSkill_ComesFirstInThePlan_AndImportingAgainWithoutItClearsIt()
    {
        var folder = TestPaths.CopyOfSeedData();
        var miro = Path.Combine(folder, "tools", "miro.md");
        var original = File.ReadAllText(miro);
        File.WriteAllText(miro, original.Replace("\npersonas:", "\nskill_levels:\n  - skill: innovating-with-data\n    level: awareness\npersonas:"));

        var report = await ImportAsync(folder);

        Assert.Contains(report.Changed, c => c.StartsWith("tool miro", StringComparison.Ordinal));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(
                ["innovating-with-data awareness"],
                await db.ToolSkills.Where(ts => ts.Level != null).Select(ts => ts.Skill.Slug + " " + ts.Level!.Slug).ToListAsync(Ct));
        }

        var plan = await app.GetDocumentAsync("/self-assessment/result?" + AlmostSara);
        // Innovating with data is needed at awareness: Miro, said to suit it, comes before the canvases.
        var tools = plan.QuerySelectorAll("ol.app-plan__skills")[0].QuerySelectorAll(".app-plan__tools li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(
            ["Miro (web service, free with paid options, suits awareness level)", "Data Ecosystem Mapping tool (canvas or template, free)", "Nesta DIY Toolkit (canvas or template, free)"],
            tools);

        File.WriteAllText(miro, original);
        await ImportAsync(folder);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.ToolSkills.AnyAsync(ts => ts.SkillLevelId != null, Ct));
        }
    }

    [Theory]
    [InlineData("  - skill: innovating-with-data\n    level: expert\n", "skill_levels[0].level", "'expert' is not a level in framework.yaml")]
    [InlineData("  - skill: cleaning-data\n    level: awareness\n", "skill_levels[0].skill", "'cleaning-data' is not one of this tool's skills")]
    public async Task BadSkillLevel_RefusedWithFileLineAndField(string entry, string field, string problem)
    {
        var folder = TestPaths.CopyOfSeedData();
        var miro = Path.Combine(folder, "tools", "miro.md");
        File.WriteAllText(miro, File.ReadAllText(miro).Replace("\npersonas:", "\nskill_levels:\n" + entry + "personas:"));

        var error = await Assert.ThrowsAsync<SeedDataException>(() => ImportAsync(folder));

        Assert.Equal("tools/miro.md", error.File.Replace('\\', '/'));
        Assert.Equal(field, error.Field);
        Assert.Equal(problem, error.Problem);
        var lines = File.ReadAllLines(miro);
        Assert.Contains(field.EndsWith("level", StringComparison.Ordinal) ? "level:" : "skill:", lines[error.Line - 1]);
    }

    private async Task<ImportReport> ImportAsync(string folder)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(folder, cancellationToken: Ct);
    }
}
