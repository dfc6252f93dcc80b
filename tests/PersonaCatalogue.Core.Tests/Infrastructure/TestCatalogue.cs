using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PersonaCatalogue.Core.Changes;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Core.Tests.Infrastructure;

/// <summary>
/// The catalogue's services as the site and the command line register them (<see cref="CatalogueServices.AddCatalogue"/>
/// over a configuration and a host environment), on a new SQLite file in a temporary folder, migrated; plus a listener
/// that records every change it is told of. The host is built but not started, so no hosted service runs.
/// </summary>
public sealed class TestCatalogue : IAsyncDisposable
{
    private readonly IHost _host;

    private TestCatalogue(string folder, IHost host)
    {
        Folder = folder;
        _host = host;
    }

    /// <summary>The content root; <c>Database:Path</c> is relative to it.</summary>
    public string Folder { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Every change told to the listeners, in order.</summary>
    public RecordingListener Listener => Services.GetRequiredService<RecordingListener>();

    public static async Task<TestCatalogue> CreateAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "persona-catalogue-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Path"] = "catalogue.db" });
        builder.Services.AddCatalogue(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<RecordingListener>();
        builder.Services.AddSingleton<ICatalogueChangeListener>(provider => provider.GetRequiredService<RecordingListener>());
        var catalogue = new TestCatalogue(folder, builder.Build());
        await using var scope = catalogue.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CatalogueDbContext>().MigrateAsync(cancellationToken);
        return catalogue;
    }

    /// <summary>A context from the catalogue's own pool, with its interceptors, in a scope the caller disposes.</summary>
    public AsyncServiceScope CreateScope(out CatalogueDbContext db)
    {
        var scope = Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable host)
        {
            await host.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean from the temp folder.
        }
    }

    public sealed class RecordingListener : ICatalogueChangeListener
    {
        private readonly ConcurrentQueue<CatalogueChange> _changes = new();

        public IReadOnlyList<CatalogueChange> Changes => [.. _changes];

        public void Clear() => _changes.Clear();

        public Task CatalogueChangedAsync(CatalogueChange change, CancellationToken cancellationToken)
        {
            _changes.Enqueue(change);
            return Task.CompletedTask;
        }
    }
}
