using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PersonaCatalogue.Web.Features.OpenData;

/// <summary>
/// The OpenAPI document at /api/v1/openapi.json: the read API only, not the HTML pages. It is generated from the
/// real response types, with the API's own JSON settings, so a field added, renamed or made nullable in a record
/// shows in the document by itself; what the types cannot say (the conditional-GET headers, the 304, the paging
/// limits, no authentication) is added here. OpenApiConformanceTests calls every operation and validates the answers
/// against this document.
/// </summary>
public static class ReadApiDocument
{
    public const string Json = "application/json";
    public const string Problem = "application/problem+json";

    public static IServiceCollection AddReadApiDocument(this IServiceCollection services)
    {
        // The generator builds schemas from these options (MVC's own are not read), so they must name and type
        // fields as ConditionalResponses.Json writes them: snake_case, and numbers as numbers (the web defaults
        // would also allow a number as a string, which the API never sends).
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = ConditionalResponses.Json.PropertyNamingPolicy;
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Learning personas for public services: read API";
                document.Info.Description = "The catalogue's personas, skills and published tools, and the public feedback counts, as JSON, under the Creative Commons Attribution 4.0 licence. "
                    + "No authentication: anyone may call it, from any origin.";
                // No authentication anywhere. The writer leaves an empty list out at this level, so every operation
                // also says security: [] (see Describe), which is what a client reads.
                document.Security = [];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                Describe(operation, context.Description);
                // Every operation is behind the uncached-request limit (LimitUncachedRequests).
                operation.Responses!["429"] = new OpenApiResponse
                {
                    Description = "Too Many Requests: this client sent more uncached requests than RateLimits:uncached allows; try again after Retry-After seconds.",
                    Headers = new Dictionary<string, IOpenApiHeader>
                    {
                        ["Retry-After"] = new OpenApiHeader
                        {
                            Description = "Seconds to wait before trying again.",
                            Required = true,
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    },
                    Content = HttpMethods.IsHead(context.Description.HttpMethod ?? "")
                        ? null
                        : new Dictionary<string, OpenApiMediaType>
                        {
                            [Problem] = new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken) },
                        },
                };
            });
        });
    }

    private static void Describe(OpenApiOperation operation, ApiDescription description)
    {
        operation.Security = [];
        operation.Parameters ??= [];
        // The API explorer lists a filter model's computed, get-only properties (ToolFilters.OnlyOpen, HasFilters…)
        // as query parameters, [BindNever] or not; nothing can bind a property without a setter, so they go.
        var computed = description.ParameterDescriptions
            .Where(p => p.ModelMetadata is { MetadataKind: ModelMetadataKind.Property, PropertySetter: null })
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var parameter in operation.Parameters.Where(p => p.In == ParameterLocation.Query && computed.Contains(p.Name!)).ToList())
        {
            operation.Parameters.Remove(parameter);
        }
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            // The API clamps these rather than refusing them: page 0 is page 1 and page_size 500 is 100.
            switch (parameter.Name)
            {
                case "page":
                    Limit(parameter, 1, null, "Page number, from 1. A page past the end has no tools and the real page count.");
                    break;
                case "page_size":
                    Limit(parameter, 1, ApiController.MaxPageSize, $"Tools per page, from 1 to {ApiController.MaxPageSize}.");
                    break;
            }
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "An ETag from an earlier answer: if the answer is still the same, the API sends 304 Not Modified without a body.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Modified-Since",
            In = ParameterLocation.Header,
            Description = "A Last-Modified date from an earlier answer; If-None-Match wins when both are sent.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });

        operation.Responses ??= [];
        if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse okResponse)
        {
            okResponse.Headers = Validators();
        }

        operation.Responses["304"] = new OpenApiResponse
        {
            Description = "Not Modified: the answer has not changed since the ETag in If-None-Match (or the date in If-Modified-Since).",
            Headers = Validators(),
        };

        if (HttpMethods.IsHead(description.HttpMethod ?? ""))
        {
            // Every GET answers HEAD too (HeadWithGetConvention): the same headers, no body. Operation ids must be
            // unique in the document.
            operation.OperationId += "Head";
            operation.Summary = $"{operation.Summary} (headers only)";
            foreach (var response in operation.Responses.Values.OfType<OpenApiResponse>())
            {
                response.Content = null;
            }
        }
    }

    private static void Limit(OpenApiParameter parameter, int minimum, int? maximum, string description)
    {
        parameter.Description = description;
        if (parameter.Schema is OpenApiSchema schema)
        {
            schema.Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
            schema.Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static Dictionary<string, IOpenApiHeader> Validators() => new()
    {
        ["ETag"] = new OpenApiHeader
        {
            Description = "A strong validator of the body: send it back in If-None-Match.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        ["Last-Modified"] = new OpenApiHeader
        {
            Description = "When the content last changed, as an HTTP date.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        ["Cache-Control"] = new OpenApiHeader
        {
            Description = "Always public, no-cache: a cache may keep the answer but must revalidate it.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}
