using Npgsql;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL and Redis servers the tests use, from the environment (<c>eval "$(.ci/services)"</c> starts both
/// on loopback and prints the settings). Where one is not configured the tests that need it skip with the reason,
/// except under CI=true, where they fail: CI must run them.
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

    private static string Required(string variable, string server)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
        {
            return value;
        }

        var reason = $"These tests need {server}: set {variable}, or start local servers with: eval \"$(.ci/services)\".";
        if (IsCi)
        {
            throw new InvalidOperationException(reason + " CI=true, so this is a failure, not a skip.");
        }

        Assert.Skip(reason);
        return "";
    }
}
