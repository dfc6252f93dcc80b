using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.OpenData;

/// <summary>
/// The read API against its own OpenAPI document: every operation the document lists is called (lists, every item of
/// the seeded catalogue, filters with real values, paging edges, unknown slugs, conditional requests), and each answer
/// is checked against what the document declares for it: the status, the content type, the required headers and the
/// body, validated with a real JSON Schema validator (JsonSchema.Net) against the document's own schemas.
/// </summary>
public class OpenApiConformanceTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private const string Prefix = "/api/v1/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOperation_AnswersAsTheDocumentSays()
    {
        await SeedAnswersAsync();
        var document = await GetDocumentAsync();
        var validator = new OpenApiSchemaValidator(document);
        var samples = await SamplesAsync();
        using var client = app.CreateBrowserLikeClient();
        var calls = 0;

        foreach (var (path, method, operation) in Operations(document))
        {
            foreach (var url in Urls(path, operation, samples))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                using var response = await client.SendAsync(request, Ct);
                var etag = await CheckAsync(validator, method, url, operation, response);
                calls++;
                if (etag is not null)
                {
                    // The same request with the ETag it gave: 304, as declared, with its headers and no body.
                    using var conditional = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                    conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
                    using var notModified = await client.SendAsync(conditional, Ct);
                    Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
                    await CheckAsync(validator, method, url + " (If-None-Match)", operation, notModified);
                    calls++;
                }
            }
        }

        // Every item of the seeded catalogue, twice (GET and HEAD), and more: a walk that silently found nothing fails.
        Assert.True(calls > 200, $"Only {calls} calls were made");
    }

    [Fact]
    public async Task TheDocumentListsExactlyTheApiEndpoints()
    {
        var document = await GetDocumentAsync();
        var documented = Operations(document).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToHashSet();

        var served = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Path.StartsWith(Prefix, StringComparison.Ordinal) && e.Path != "/api/{documentName}/openapi.json")
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Path}"))
            .ToHashSet();

        Assert.Equal(served.Order(), documented.Order());
        Assert.Contains("GET /api/v1/tools/{slug}", documented);
    }

    [Fact]
    public async Task TheDocument_DeclaresNoAuthentication_AndNamesAndSummarisesEveryOperation()
    {
        var document = await GetDocumentAsync();
        var operations = Operations(document).ToList();

        var ids = operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation["summary"]?.GetValue<string>()), $"{o.Method} {o.Path} has no summary"));
        Assert.All(operations, o => Assert.Equal("[]", o.Operation["security"]?.ToJsonString()));
    }

    [Fact]
    public async Task TheToolsList_HasOnlyRealQueryParameters_WithThePagingLimits()
    {
        var document = await GetDocumentAsync();
        var parameters = document["paths"]!["/api/v1/tools"]!["get"]!["parameters"]!.AsArray();

        var query = parameters.Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["area", "cost", "kind", "open", "page", "page_size", "persona", "q", "skill", "sort"], query);
        var page = parameters.Single(p => p!["name"]!.GetValue<string>() == "page")!["schema"]!;
        var pageSize = parameters.Single(p => p!["name"]!.GetValue<string>() == "page_size")!["schema"]!;
        Assert.Equal((1, (int?)null), (page["minimum"]!.GetValue<int>(), page["maximum"]?.GetValue<int>()));
        Assert.Equal((1, 100, 20), (pageSize["minimum"]!.GetValue<int>(), pageSize["maximum"]!.GetValue<int>(), pageSize["default"]!.GetValue<int>()));
        Assert.Equal("integer", page["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheDocument_NamesFieldsAsTheApiSendsThem()
    {
        var document = await GetDocumentAsync();
        var schemas = document["components"]!["schemas"]!;

        // Every field of our records in snake_case, as the API writes them (problem details keep RFC 9457's names).
        var names = schemas.AsObject().Where(s => !s.Key.Contains("ProblemDetails", StringComparison.Ordinal))
            .SelectMany(s => (s.Value!["properties"]?.AsObject() ?? []).Select(p => $"{s.Key}.{p.Key}")).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Matches(@"^[A-Za-z]+\.[a-z][a-z0-9_]*$", name));
        Assert.Contains("PersonaRecord.needs_to_know", names);
        Assert.Contains("PersonaRecord.description_markdown", names);
        Assert.Contains("SupportNeedCounts.no_area", names);
        Assert.Equal(["page", "page_count", "page_size", "tools", "total"], schemas["ToolsPage"]!["properties"]!.AsObject().Select(p => p.Key).Order());
    }

    [Fact]
    public async Task DateTimes_AreRfc3339WithTheirOffset()
    {
        // JsonSchema.Net's date-time check accepts a date and time without an offset, which RFC 3339 (and so the
        // document's "format": "date-time") does not; SQLite hands back times without one.
        using var client = app.CreateBrowserLikeClient();
        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/v1/tools?page_size=5", Ct));

        var tool = body.RootElement.GetProperty("tools")[0];
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", tool.GetProperty("added").GetString());
    }

    /// <summary>An answer of each kind, so the feedback counts are not all zero.</summary>
    private async Task SeedAnswersAsync()
    {
        await using var db = app.CreateDbContext();
        var tool = await db.Tools.FirstAsync(t => t.Status == ToolStatus.Published, Ct);
        await app.CreateToolFeedbackAsync(tool, helped: true);
        await app.CreateToolFeedbackAsync(tool, helped: false);
        await app.CreateSupportNeedAsync(areas: ["management"]);
    }

    private async Task<JsonObject> GetDocumentAsync()
    {
        using var client = app.CreateBrowserLikeClient();
        return JsonNode.Parse(await client.GetStringAsync("/api/v1/openapi.json", Ct))!.AsObject();
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => op.Key is "get" or "head" or "post" or "put" or "patch" or "delete" or "options")
            .Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    /// <summary>Real values from the seeded catalogue for every path and query parameter the API takes.</summary>
    private sealed record Samples(Dictionary<string, List<string>> Slugs, Dictionary<string, List<string>> Query, int LastPageAt10);

    private async Task<Samples> SamplesAsync()
    {
        await using var db = app.CreateDbContext();
        var published = db.Tools.Where(t => t.Status == ToolStatus.Published);
        var slugs = new Dictionary<string, List<string>>
        {
            ["/api/v1/personas/{slug}"] = await db.Personas.Select(p => p.Slug).ToListAsync(Ct),
            ["/api/v1/skills/{slug}"] = await db.Skills.Select(s => s.Slug).ToListAsync(Ct),
            ["/api/v1/tools/{slug}"] = await published.Select(t => t.Slug).ToListAsync(Ct),
        };
        var tool = await published.Include(t => t.Personas).ThenInclude(p => p.Persona).Include(t => t.Skills).ThenInclude(s => s.Skill).ThenInclude(s => s.Area)
            .FirstAsync(t => t.Personas.Any() && t.Skills.Any(), Ct);
        var query = new Dictionary<string, List<string>>
        {
            ["persona"] = [tool.Personas[0].Persona.Slug, "no-such-persona"],
            ["skill"] = [tool.Skills[0].Skill.Slug],
            ["area"] = [tool.Skills[0].Skill.Area.Slug],
            ["kind"] = ["software", "guidance"],
            ["cost"] = ["free", "paid"],
            ["open"] = ["yes", "no"],
            ["q"] = ["ethics", "zzqxjv", "\"quoted"],
            ["sort"] = ["name", "newest", "helpful", "nonsense"],
            // Paging edges: first, past the end, invalid (0 is read as 1; a word is refused with 400).
            ["page"] = ["1", "999", "0", "-3", "abc"],
            ["page_size"] = ["1", "100", "500", "0", "abc"],
        };
        var total = await published.CountAsync(Ct);
        return new Samples(slugs, query, (total + 9) / 10);
    }

    private static IEnumerable<string> Urls(string path, JsonObject operation, Samples samples)
    {
        if (path.Contains("{slug}", StringComparison.Ordinal))
        {
            Assert.True(samples.Slugs.ContainsKey(path), $"No slugs to try for {path}: add them to SamplesAsync");
            foreach (var slug in samples.Slugs[path].Append("no-such-slug"))
            {
                yield return path.Replace("{slug}", Uri.EscapeDataString(slug), StringComparison.Ordinal);
            }

            yield break;
        }

        yield return path;
        var query = (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()).ToList();
        foreach (var name in query)
        {
            Assert.True(samples.Query.ContainsKey(name), $"No values to try for the query parameter {name} of {path}: add them to SamplesAsync");
            foreach (var value in samples.Query[name])
            {
                yield return $"{path}?{name}={Uri.EscapeDataString(value)}";
            }
        }

        if (query.Contains("page"))
        {
            // The last page and combined filters.
            yield return $"{path}?page_size=10&page={samples.LastPageAt10}";
            yield return $"{path}?persona={samples.Query["persona"][0]}&kind=software&kind=web-service&open=yes&sort=newest&page_size=5";
        }
    }

    /// <summary>Checks one answer against the operation; returns the ETag to revalidate with when it was a 200.</summary>
    private static async Task<string?> CheckAsync(OpenApiSchemaValidator validator, string method, string url, JsonObject operation, HttpResponseMessage response)
    {
        var what = $"{method.ToUpperInvariant()} {url}";
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var declared = operation["responses"]![status]?.AsObject();
        Assert.True(declared is not null, $"{what} answered {status}, which the document does not declare");

        foreach (var (name, header) in declared["headers"]?.AsObject() ?? [])
        {
            if (header!["required"]?.GetValue<bool>() == true)
            {
                Assert.True(response.Headers.NonValidated.Contains(name) || response.Content.Headers.NonValidated.Contains(name), $"{what}: the declared header {name} is missing");
            }
        }

        var body = await response.Content.ReadAsStringAsync(Ct);
        var content = declared["content"]?.AsObject();
        if (method == "head")
        {
            // The test server passes on whatever body the app writes to a HEAD; Kestrel drops it (HeadRequestsTests).
            Assert.True(content is null, $"{what}: the document declares a body for HEAD");
        }
        else if (content is null)
        {
            Assert.True(body.Length == 0, $"{what}: a body where the document declares none");
        }
        else
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            Assert.True(mediaType is not null && content.ContainsKey(mediaType), $"{what}: content type {mediaType} is not one of {string.Join(", ", content.Select(c => c.Key))}");
            validator.AssertValid(content[mediaType]!["schema"]!, body, what);
        }

        return status == "200" ? response.Headers.ETag?.ToString() : null;
    }
}

/// <summary>
/// Validates bodies against schemas from the document, with its $refs resolved against its own components
/// (rewritten to $defs, where JSON Schema looks for them). Our own records are also closed
/// (<c>unevaluatedProperties: false</c>), so a field the API sends that the document does not name fails too;
/// problem details stay open, as RFC 9457 lets them carry extension members (traceId).
/// </summary>
public sealed class OpenApiSchemaValidator
{
    private readonly JsonObject _defs;

    public OpenApiSchemaValidator(JsonObject document)
    {
        _defs = JsonNode.Parse(document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        foreach (var (name, schema) in _defs)
        {
            if (!name.Contains("ProblemDetails", StringComparison.Ordinal) && schema is JsonObject { } obj && obj["type"]?.ToJsonString() == "\"object\"")
            {
                obj["unevaluatedProperties"] = false;
            }
        }
    }

    public void AssertValid(JsonNode schema, string body, string what)
    {
        var root = JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _defs.DeepClone();
        var built = JsonSchema.Build(JsonSerializer.SerializeToElement(root), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var instance = JsonDocument.Parse(body);
        var result = built.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, $"{what}: the body does not match the document's schema:\n"
            + string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).Take(10)));
    }
}
