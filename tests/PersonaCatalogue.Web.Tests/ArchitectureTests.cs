using System.Text.RegularExpressions;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests;

/// <summary>The dependency rules of the layout (docs/architecture.md): checked, so a new file cannot quietly break them.</summary>
public class ArchitectureTests
{
    private static string Source => Path.Combine(Path.GetDirectoryName(TestPaths.SeedData)!, "src");

    [Fact]
    public void Core_ReferencesNeitherTheWebNorTheCommandLineNorMvc()
    {
        var references = typeof(CatalogueDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Microsoft.EntityFrameworkCore", references);
        Assert.DoesNotContain(references, name => name.StartsWith("PersonaCatalogue.Web", StringComparison.Ordinal));
        Assert.DoesNotContain("PersonaCatalogue.Cli", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore.Mvc", StringComparison.Ordinal));
    }

    [Fact]
    public void CoreSource_NamesNoWebNamespace()
    {
        var offenders = Files("PersonaCatalogue.Core", "*.cs")
            .Where(file => File.ReadAllText(file).Contains("PersonaCatalogue.Web", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void WebInfrastructure_UsesNoFeature()
    {
        var feature = new Regex(@"\bPersonaCatalogue\.Web\.Features\b|^using\s+.*\bFeatures\.", RegexOptions.Multiline);
        var offenders = Files(Path.Combine("PersonaCatalogue.Web", "Infrastructure"), "*.cs")
            .Where(file => File.ReadAllLines(file).Any(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal) && feature.IsMatch(line)))
            .ToList();

        Assert.NotEmpty(Files(Path.Combine("PersonaCatalogue.Web", "Infrastructure"), "*.cs"));
        Assert.Empty(offenders);
    }

    private static List<string> Files(string folder, string pattern) =>
        Directory.GetFiles(Path.Combine(Source, folder), pattern, SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
}
