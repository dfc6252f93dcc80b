using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Per-client limits on the public form POSTs and on staff sign-in, from configuration so tests and benchmarks
/// can raise them. A refused request gets 429 (not the limiter's default 503) with Retry-After, and the status code
/// pages show the friendly 429 page. Limits are per instance.
/// </summary>
public static class RateLimits
{
    public const string PublicForms = "public-forms";
    public const string SignIn = "sign-in";

    public static IServiceCollection AddCatalogueRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(PublicForms, context => Partition(context, configuration, PublicForms, permitLimit: 10));
            options.AddPolicy(SignIn, context => Partition(context, configuration, SignIn, permitLimit: 10));
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext context, IConfiguration configuration, string policy, int permitLimit)
    {
        var section = configuration.GetSection($"RateLimits:{policy}");
        var limit = section.GetValue("PermitLimit", permitLimit);
        var window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60));
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            QueueLimit = 0,
        });
    }
}
