using Npgsql;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Cli.Transfer;

/// <summary>
/// A new PostgreSQL database of its own on the test server (<see cref="TestServices.PostgresVariable"/>), created
/// on first use and dropped afterwards. Without a server the tests that use it skip, or fail under CI=true.
/// </summary>
public sealed class PostgresTransferTarget : TransferTarget
{
    private readonly string _database = "transfer_test_" + Guid.NewGuid().ToString("N");
    private bool _created;

    public override bool SearchesAsTheSource => false;

    public override string? SkipReason => TestServices.SkipReason(TestServices.PostgresVariable, "PostgreSQL");

    public override IReadOnlyDictionary<string, string> Settings
    {
        get
        {
            if (!_created)
            {
                TestServices.CreateDatabase(_database);
                _created = true;
            }

            return new Dictionary<string, string>
            {
                ["Database:Provider"] = "PostgreSQL",
                ["ConnectionStrings:Catalogue"] = TestServices.ConnectionString(_database),
            };
        }
    }

    /// <summary>Every table in the public schema, the search index included, counted with PostgreSQL's own SQL.</summary>
    public override async Task<Dictionary<string, long>> CountRowsAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(TestServices.ConnectionString(_database) + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        return counts;
    }

    public override ValueTask DisposeAsync()
    {
        if (_created)
        {
            TestServices.DropDatabase(_database);
        }

        return ValueTask.CompletedTask;
    }
}
