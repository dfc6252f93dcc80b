using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL side of the test app: a new database per factory on the server in
/// <see cref="TestServices.PostgresVariable"/>, created before the app starts and dropped after it stops.
/// </summary>
public partial class CatalogueAppFactory
{
    /// <summary>As <c>/health</c> names it.</summary>
    public const string ProviderName = "PostgreSQL";

    /// <summary>The factory's database; a second app instance may share it (see <see cref="OwnsDatabase"/>).</summary>
    public string DatabaseName { get; init; } = "catalogue_test_" + Guid.NewGuid().ToString("N");

    /// <summary>Whether this factory creates and drops <see cref="DatabaseName"/>, or uses another instance's.</summary>
    public bool OwnsDatabase { get; init; } = true;

    private bool _created;

    /// <summary>
    /// Why the tests on this factory's database should skip: no server is configured (null under CI=true, where they
    /// must fail instead). For fixtures, which must not skip themselves: see <see cref="TestServices"/>.
    /// </summary>
    public string? SkipReason => TestServices.SkipReason(TestServices.PostgresVariable, "PostgreSQL");

    /// <summary>The configuration that points another process (the command line) at this factory's database.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DatabaseSettings =>
        [new("Database:Provider", "PostgreSQL"), new("ConnectionStrings:Catalogue", TestServices.ConnectionString(DatabaseName))];

    private partial void UseTestDatabase(IWebHostBuilder builder)
    {
        foreach (var (key, value) in DatabaseSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The first thing any test's use of the app runs, on the test's own thread: where a skip belongs.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        _ = TestServices.Postgres;
        if (OwnsDatabase)
        {
            TestServices.CreateDatabase(DatabaseName);
            _created = true;
        }

        return base.CreateHost(builder);
    }

    private partial ValueTask DeleteTestDatabaseAsync()
    {
        if (_created)
        {
            TestServices.DropDatabase(DatabaseName);
        }

        return ValueTask.CompletedTask;
    }
}
