namespace PersonaCatalogue.Core.Import;

public static class SeedDataFolder
{
    public const string Name = "seed-data";

    /// <summary>
    /// <c>SeedData:Path</c> when set; otherwise the nearest <c>seed-data</c> folder at or above the content root,
    /// which finds the repository's folder under <c>dotnet run</c> and the copied one in the container.
    /// </summary>
    public static string Find(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["SeedData:Path"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured, environment.ContentRootPath);
        }

        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(environment.ContentRootPath, Name);
    }
}
