using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Per-client limits on the public form POSTs, on staff sign-in and (<see cref="LimitUncachedRequestsAttribute"/>) on
/// uncached searches and API requests, from configuration so tests and benchmarks
/// can raise them. A refused request gets 429 (not the limiter's default 503) with Retry-After, and the status code
/// pages show the friendly 429 page. Limits are per instance.
/// </summary>
public static class RateLimits
{
    public const string PublicForms = "public-forms";
    public const string SignIn = "sign-in";
    public const string Uncached = "uncached";

    public static IServiceCollection AddCatalogueRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<UncachedRequestLimiter>();
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                SetRetryAfter(context.HttpContext, context.Lease);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(PublicForms, context => Partition(context, configuration, PublicForms, permitLimit: 10));
            options.AddPolicy(SignIn, context => Partition(context, configuration, SignIn, permitLimit: 10));
        });
    }

    public static void SetRetryAfter(HttpContext context, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    internal static RateLimitPartition<string> Partition(HttpContext context, IConfiguration configuration, string policy, int permitLimit)
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

/// <summary>
/// A per-client limit on the requests an action really runs for: searches, filtered lists and the API, which query the
/// database each time. Unlike <c>[EnableRateLimiting]</c> (checked before the page cache) it is an action filter, so a
/// page served from the cache is neither counted nor refused. Beyond the limit: 429 with Retry-After, and the friendly
/// 429 page (an API caller gets the problem details).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class LimitUncachedRequestsAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) => serviceProvider.GetRequiredService<UncachedRequestLimiter>();
}

public sealed class UncachedRequestLimiter(IConfiguration configuration) : IAsyncActionFilter, IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter =
        PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimits.Partition(context, configuration, RateLimits.Uncached, permitLimit: 120));

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        using var lease = _limiter.AttemptAcquire(context.HttpContext);
        if (!lease.IsAcquired)
        {
            RateLimits.SetRetryAfter(context.HttpContext, lease);
            context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
            return;
        }

        await next();
    }

    public void Dispose() => _limiter.Dispose();
}
