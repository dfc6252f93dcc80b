namespace PersonaCatalogue.Core.Tests.Infrastructure;

public static class TestPaths
{
    /// <summary>The repository's seed-data folder, found by walking up from the test binaries.</summary>
    public static string SeedData
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seed-data");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("seed-data not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A temporary copy of seed-data that a test may break or change.</summary>
    public static string CopyOfSeedData()
    {
        var target = Path.Combine(Path.GetTempPath(), "persona-catalogue-seed", Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(SeedData, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(SeedData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
