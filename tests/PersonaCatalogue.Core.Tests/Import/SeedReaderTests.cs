using PersonaCatalogue.Core.Import;
using PersonaCatalogue.Core.Tests.Infrastructure;

namespace PersonaCatalogue.Core.Tests.Import;

/// <summary>A broken seed file is refused with its file, line and field, before anything is written.</summary>
public class SeedReaderTests
{
    private static SeedDataException ReadBroken(string relativePath, Func<string, string> breakIt)
    {
        var folder = TestPaths.CopyOfSeedData();
        var file = Path.Combine(folder, relativePath);
        File.WriteAllText(file, breakIt(File.ReadAllText(file)));
        return Assert.Throws<SeedDataException>(() => SeedReader.Read(folder));
    }

    private static int LineOf(string relativePath, string startsWith) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(TestPaths.SeedData, relativePath)), l => l.StartsWith(startsWith)) + 1;

    [Fact]
    public void Read_ShippedSeedData_IsValid()
    {
        var seed = SeedReader.Read(TestPaths.SeedData);

        Assert.Equal(27, seed.Areas.Sum(a => a.Skills.Count));
        Assert.Equal(5, seed.Personas.Count);
        Assert.True(seed.Tools.Count >= 30);
        Assert.All(seed.Tools, t => Assert.True(t.Summary.Length <= 200));
    }

    [Fact]
    public void Read_UnknownKind_NamesFileLineAndField()
    {
        var ex = ReadBroken("tools/csvlint.md", t => System.Text.RegularExpressions.Regex.Replace(t, "\nkind: [a-z-]+\n", "\nkind: spaceship\n"));

        Assert.Equal("tools/csvlint.md", ex.File);
        Assert.Equal(LineOf("tools/csvlint.md", "kind:"), ex.Line);
        Assert.Equal("kind", ex.Field);
        Assert.Contains("spaceship", ex.Message);
        Assert.Contains("tools/csvlint.md, line ", ex.Message);
    }

    [Fact]
    public void Read_MissingRequiredField_NamesIt()
    {
        var ex = ReadBroken("tools/qgis.md", t => System.Text.RegularExpressions.Regex.Replace(t, "\nurl: [^\n]+\n", "\n"));

        Assert.Equal("url", ex.Field);
        Assert.Contains("is required", ex.Problem);
    }

    [Fact]
    public void Read_NonHttpUrl_IsRefused()
    {
        var ex = ReadBroken("tools/qgis.md", t => System.Text.RegularExpressions.Regex.Replace(t, "\nurl: [^\n]+\n", "\nurl: javascript:alert(1)\n"));

        Assert.Equal("url", ex.Field);
        Assert.Equal(LineOf("tools/qgis.md", "url:"), ex.Line);
    }

    [Fact]
    public void Read_UnknownSkillInPersona_NamesTheListItem()
    {
        var ex = ReadBroken("personas/sara.md", t => t.Replace("skill: designing-services", "skill: designing-spaceships"));

        Assert.Equal("personas/sara.md", ex.File);
        Assert.Equal(LineOf("personas/sara.md", "  - skill: designing-services"), ex.Line);
        Assert.Matches(@"^skills\[\d+\]\.skill$", ex.Field);
    }

    [Fact]
    public void Read_UnknownPersonaInTool_IsRefused()
    {
        var ex = ReadBroken("tools/data-ethics-canvas.md", t => t.Replace("persona: pat", "persona: patricia"));

        Assert.Matches(@"^personas\[\d+\]\.persona$", ex.Field);
        Assert.Contains("patricia", ex.Message);
    }

    [Fact]
    public void Read_YamlSyntaxError_GivesTheLine()
    {
        var ex = ReadBroken("tools/qgis.md", t => t.Replace("\ncost: ", "\ncost: [unclosed\nbroken: "));

        Assert.Equal("tools/qgis.md", ex.File);
        Assert.True(ex.Line > 1);
    }

    [Fact]
    public void Read_SummaryTooLong_IsRefused()
    {
        var ex = ReadBroken("tools/qgis.md", t => System.Text.RegularExpressions.Regex.Replace(t, "\nsummary: [^\n]+\n", "\nsummary: " + new string('a', 201) + "\n"));

        Assert.Equal("summary", ex.Field);
        Assert.Contains("200 characters", ex.Problem);
    }

    [Fact]
    public void Read_FrameworkWithRepeatedSkill_IsRefused()
    {
        var ex = ReadBroken("framework.yaml", t => t.Replace("slug: cleaning-data", "slug: linking-data"));

        Assert.Equal("framework.yaml", ex.File);
        Assert.Contains("linking-data", ex.Message);
    }

    [Fact]
    public void Read_IterationWithoutChangeNotes_IsRefused()
    {
        var ex = ReadBroken("personas/ida.md", t => t.Replace("\niteration: 3\n", "\niteration: 7\n"));

        Assert.Equal("iteration", ex.Field);
        Assert.Contains("changes", ex.Problem);
    }

    [Fact]
    public void Read_FileWithoutFrontMatter_IsRefused()
    {
        var ex = ReadBroken("tools/qgis.md", t => t.TrimStart('-'));

        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void Read_PersonaWithTheSlugOfTheIsSomeoneMissingPage_IsRefused()
    {
        // /personas/suggest is the "Is someone missing?" form, so a persona there could never be reached.
        var folder = TestPaths.CopyOfSeedData();
        var personas = Path.Combine(folder, "personas");
        File.WriteAllText(Path.Combine(personas, "suggest.md"), File.ReadAllText(Path.Combine(personas, "ida.md")).Replace("slug: ida\n", "slug: suggest\n"));
        File.Delete(Path.Combine(personas, "ida.md"));

        var ex = Assert.Throws<SeedDataException>(() => SeedReader.Read(folder));

        Assert.Equal("personas/suggest.md", ex.File);
        Assert.Equal(LineOf("personas/ida.md", "slug:"), ex.Line);
        Assert.Equal("slug", ex.Field);
        Assert.Contains("'suggest' is taken by the page /personas/suggest", ex.Problem);
    }

    private static SeedCatalogue ReadChanged(string relativePath, Func<string, string> change)
    {
        var folder = TestPaths.CopyOfSeedData();
        var file = Path.Combine(folder, relativePath);
        File.WriteAllText(file, change(File.ReadAllText(file)));
        return SeedReader.Read(folder);
    }

    [Fact]
    public void Read_ShippedPersonas_GiveOnlyTheMay2018DateThatTheAnnouncementGives()
    {
        var seed = SeedReader.Read(TestPaths.SeedData);

        Assert.All(seed.Personas, p =>
        {
            Assert.Null(p.LastReviewedOn);
            Assert.Equal([(1, (DateOnly?)null), (2, null), (3, new DateOnly(2018, 5, 10))], p.Changes.OrderBy(c => c.Number).Select(c => (c.Number, c.Date)));
        });
    }

    [Fact]
    public void Read_IterationWithoutADate_IsAccepted()
    {
        var seed = ReadChanged("personas/pat.md", t => t.Replace("\nchanges:", "\nchanges:\n  - iteration: 9\n    notes: Nobody recorded when.").Replace("\niteration: 3\n", "\niteration: 9\n"));

        var pat = seed.Personas.Single(p => p.Slug == "pat");
        Assert.Equal(9, pat.Iteration);
        Assert.Null(pat.Changes.Single(c => c.Number == 9).Date);
    }

    [Fact]
    public void Read_IterationWithABadDate_IsRefused()
    {
        var ex = ReadBroken("personas/pat.md", t => t.Replace("date: 2018-05-10", "date: May 2018"));

        Assert.EndsWith(".date", ex.Field);
        Assert.Contains("YYYY-MM-DD", ex.Problem);
    }

    [Theory]
    [InlineData("open: true", true)]
    [InlineData("open: false", false)]
    [InlineData("open: unknown", null)]
    [InlineData("", null)]
    public void Read_Open_IsYesNoOrNotKnown(string line, bool? expected)
    {
        var seed = ReadChanged("tools/qgis.md", t => System.Text.RegularExpressions.Regex.Replace(t, "\nopen: [a-z]+\n", line.Length == 0 ? "\n" : $"\n{line}\n"));

        Assert.Equal(expected, seed.Tools.Single(t => t.Slug == "qgis").IsOpen);
    }

    [Fact]
    public void Read_OpenWithAnotherWord_IsRefused()
    {
        var ex = ReadBroken("tools/qgis.md", t => System.Text.RegularExpressions.Regex.Replace(t, "\nopen: [a-z]+\n", "\nopen: maybe\n"));

        Assert.Equal("open", ex.Field);
        Assert.Contains("true, false or unknown", ex.Problem);
    }

    [Fact]
    public void Read_ShippedTools_LicenceNotKnownExactlyWhereTheFactsSayUnknown()
    {
        var seed = SeedReader.Read(TestPaths.SeedData);

        // tools-facts.md marks these twelve "unknown".
        Assert.Equal(
            ["data-ecosystem-mapping-tool", "data-europa-eu-academy", "data-landscape-playbook", "data-skills-framework-2019", "ico-dpia-guidance", "lg-inform",
             "open-data-camp", "open-data-charter", "open-data-handbook", "open-standards-for-data-guidebook", "the-data-spectrum", "uk-government-api-catalogue"],
            seed.Tools.Where(t => t.IsOpen is null).Select(t => t.Slug).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_ToolThatTypesItsAddedDate_IsRefused()
    {
        var ex = ReadBroken("tools/qgis.md", t => t.Replace("\nkind:", "\nadded: 2018-05-10\nkind:"));

        Assert.Equal("added", ex.Field);
        Assert.Contains("recorded by the catalogue", ex.Problem);
    }

    [Fact]
    public void Read_ToolWithAReviewDate_CarriesIt_AndWithoutOneHasNone()
    {
        var seed = ReadChanged("tools/qgis.md", t => t.Replace("\nkind:", "\nlast_reviewed: 2026-10-02\nkind:"));

        Assert.Equal(new DateOnly(2026, 10, 2), seed.Tools.Single(t => t.Slug == "qgis").LastReviewed);
        Assert.Null(seed.Tools.Single(t => t.Slug == "csvlint").LastReviewed);
    }
}
