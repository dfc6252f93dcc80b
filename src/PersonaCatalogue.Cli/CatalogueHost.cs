using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Staff;

namespace PersonaCatalogue.Cli;

/// <summary>
/// The catalogue's services for one command, with the site's settings: its <c>appsettings.json</c> and the environment
/// (<c>Database__Path</c>, <c>Database__Provider</c>, <c>ConnectionStrings__Catalogue</c>, <c>SeedData__Path</c>…).
/// A relative <c>Database:Path</c> means the same file as for the site: relative to the site's folder.
/// </summary>
public sealed class CatalogueHost : IAsyncDisposable
{
    private const string SiteProject = "PersonaCatalogue.Web";

    private readonly IHost _host;
    private readonly AsyncServiceScope _scope;

    private CatalogueHost(IHost host)
    {
        _host = host;
        _scope = host.Services.CreateAsyncScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public IConfiguration Configuration => _host.Services.GetRequiredService<IConfiguration>();

    public IHostEnvironment Environment => _host.Services.GetRequiredService<IHostEnvironment>();

    public CatalogueDbContext Db => Services.GetRequiredService<CatalogueDbContext>();

    public DateTime UtcNow => Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>Builds the services and brings the database up to date (every command works on a migrated database).</summary>
    public static async Task<CatalogueHost> OpenAsync(CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // The arguments are the command's, not configuration.
            Args = [],
            ContentRootPath = SiteFolder(),
            EnvironmentName = System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environments.Production,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCatalogue(builder.Configuration, builder.Environment);
        builder.Services.AddStaffAccounts(builder.Configuration);
        var host = new CatalogueHost(builder.Build());
        await host.Db.MigrateAsync(cancellationToken);
        return host;
    }

    /// <summary>
    /// The site's folder when run from a source checkout (so the default SQLite file and appsettings.json are the
    /// site's), else the current folder, as in the container where the site and the command line share /app.
    /// </summary>
    private static string SiteFolder()
    {
        var current = Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(current); dir is not null; dir = dir.Parent)
        {
            if (dir.Name == SiteProject && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
            {
                return dir.FullName;
            }

            var site = Path.Combine(dir.FullName, "src", SiteProject);
            if (File.Exists(Path.Combine(site, "appsettings.json")))
            {
                return site;
            }
        }

        return current;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        _host.Dispose();
    }
}
