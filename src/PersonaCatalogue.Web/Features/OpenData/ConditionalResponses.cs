using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace PersonaCatalogue.Web.Features.OpenData;

/// <summary>
/// Answers a GET with the body, a strong ETag (a hash of the body, so any change to any byte changes it) and
/// Last-Modified, or with 304 Not Modified when the client already has it. If-None-Match wins over
/// If-Modified-Since, as RFC 9110 says.
/// </summary>
public static class ConditionalResponses
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        Converters = { new UtcDateTimeConverter() },
    };

    /// <summary>
    /// Every DateTime the catalogue stores is UTC, but SQLite hands them back without a kind, which would be written
    /// without an offset: not an RFC 3339 date-time, as the OpenAPI document says, and unlike PostgreSQL's answers.
    /// </summary>
    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }

    public static IActionResult JsonWithValidators(this ControllerBase controller, object body, DateTime lastModified) =>
        controller.BytesWithValidators(JsonSerializer.SerializeToUtf8Bytes(body, Json), "application/json; charset=utf-8", lastModified);

    public static IActionResult BytesWithValidators(this ControllerBase controller, byte[] body, string contentType, DateTime lastModified, string? downloadName = null)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        // HTTP dates have whole seconds.
        var modified = new DateTimeOffset(DateTime.SpecifyKind(lastModified, DateTimeKind.Utc)).AddTicks(-(lastModified.Ticks % TimeSpan.TicksPerSecond));
        var request = controller.Request.GetTypedHeaders();
        var response = controller.Response.GetTypedHeaders();
        response.ETag = etag;
        response.LastModified = modified;
        response.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };

        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && modified <= since;
        if (notModified)
        {
            return new StatusCodeResult(StatusCodes.Status304NotModified);
        }

        if (downloadName is not null)
        {
            controller.Response.Headers.ContentDisposition = $"attachment; filename=\"{downloadName}\"";
        }

        return new FileContentResult(body, contentType);
    }

    public static string HttpDate(DateTime value) => value.ToString("R", CultureInfo.InvariantCulture);
}
