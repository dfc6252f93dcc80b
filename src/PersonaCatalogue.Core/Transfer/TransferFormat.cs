using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PersonaCatalogue.Core.Transfer;

/// <summary>
/// The export file: one JSON object with a header and, per table, its rows as objects keyed by property name.
/// Values are written by each property's .NET type, not by how a provider stores them, so a file from SQLite loads
/// into PostgreSQL: enums by name, times as UTC ISO 8601, dates as yyyy-MM-dd, byte arrays as base64, lists as arrays.
/// </summary>
public static class TransferFormat
{
    public const string FormatName = "persona-catalogue-export";

    /// <summary>Raise it when the file's structure changes; import-all refuses any version it does not know.</summary>
    public const int Version = 1;

    public static class Fields
    {
        public const string Format = "format";
        public const string FormatVersion = "formatVersion";
        public const string AppVersion = "appVersion";
        public const string ExportedAtUtc = "exportedAtUtc";
        public const string SourceProvider = "sourceProvider";
        public const string PasswordHashes = "passwordHashes";
        public const string DataProtectionKeys = "dataProtectionKeys";
        public const string Tables = "tables";
        public const string Table = "table";
        public const string Rows = "rows";
        public const string RowCount = "rowCount";
    }

    public static readonly JsonSerializerOptions ValueOptions = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string AppVersion =>
        typeof(TransferFormat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Writes one property's value. Stored times are UTC by convention (SQLite hands them back without a kind), so
    /// they are marked as UTC and written with a Z.
    /// </summary>
    public static void WriteValue(Utf8JsonWriter writer, IProperty property, object? value)
    {
        value = value switch
        {
            DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            DateTimeOffset time => time.ToUniversalTime(),
            _ => value,
        };
        JsonSerializer.Serialize(writer, value, property.ClrType, ValueOptions);
    }

    /// <summary>Reads one property's value by its .NET type; times come back as UTC, which PostgreSQL's timestamptz requires.</summary>
    public static object? ReadValue(JsonElement element, IProperty property) =>
        element.Deserialize(property.ClrType, ValueOptions) switch
        {
            DateTime { Kind: DateTimeKind.Local } time => time.ToUniversalTime(),
            DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            DateTimeOffset time => time.ToUniversalTime(),
            var value => value,
        };
}
