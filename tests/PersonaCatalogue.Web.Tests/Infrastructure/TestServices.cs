using Npgsql;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL and Redis servers the tests use, from the environment (<c>eval "$(.ci/services)"</c> starts both
/// on loopback and prints the settings). Where one is not configured the tests that need it skip with the reason,
/// except under CI=true, where they fail: CI must run them.
/// <para>
/// A skip must come from a test (its body or its class's constructor), never from a fixture: xunit reports a skip
/// raised while it builds a class or collection fixture (its constructor or <c>InitializeAsync</c>) as a failure of
/// every test in the class. A fixture that needs a server checks <see cref="SkipReason"/>, leaves its work undone
/// when there is one, and lets each test skip at its start (see BrowserFixture and TransferFixture).
/// </para>
/// </summary>
public static class TestServices
{
    public const string PostgresVariable = "PERSONACATALOGUE_TEST_POSTGRES";
    public const string RedisVariable = "PERSONACATALOGUE_TEST_REDIS";

    /// <summary>A connection string to the server (any database name in it is ignored).</summary>
    public static string Postgres => Required(PostgresVariable, "PostgreSQL");

    /// <summary>A StackExchange.Redis configuration string, such as 127.0.0.1:6379.</summary>
    public static string Redis => Required(RedisVariable, "Redis");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Postgres) { Database = database }.ConnectionString;

    public static void CreateDatabase(string database) =>
        Execute($"CREATE DATABASE \"{database}\"");

    /// <summary>Drops the database, closing any connection a finishing request still holds.</summary>
    public static void DropDatabase(string database)
    {
        using (var connection = new NpgsqlConnection(ConnectionString(database)))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Why tests needing the server should skip; null when it is configured, and under CI=true, where they must run.</summary>
    public static string? SkipReason(string variable, string server) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } || IsCi ? null : Reason(variable, server);

    private static string Reason(string variable, string server) =>
        $"These tests need {server}: set {variable}, or start local servers with: eval \"$(.ci/services)\".";

    private static string Required(string variable, string server)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
        {
            return value;
        }

        var reason = Reason(variable, server);
        if (IsCi)
        {
            throw new InvalidOperationException(reason + " CI=true, so this is a failure, not a skip.");
        }

        if (TestContext.Current.PipelineStage != TestPipelineStage.TestExecution)
        {
            // Assert.Skip here would fail every test of the class with a message about skipping; say what is wrong instead.
            throw new InvalidOperationException(
                $"{reason} It was asked for outside a test ({TestContext.Current.PipelineStage}), most likely by a fixture, where xunit " +
                "counts a skip as a failure: the fixture should check TestServices.SkipReason and leave the skip to the tests.");
        }

        Assert.Skip(reason);
        return "";
    }
}
