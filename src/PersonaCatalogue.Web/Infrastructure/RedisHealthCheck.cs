using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>Pings Redis (the shared output cache) when one is configured.</summary>
public class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Redis's own calls ignore the token, so the wait is bounded here: /health must answer within a second.
            var connection = await redis.GetAsync().WaitAsync(cancellationToken);
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Redis, ping {latency.TotalMilliseconds:0.#} ms");
        }
        catch (OperationCanceledException ex) when (!context.Registration.Timeout.Equals(Timeout.InfiniteTimeSpan))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis: no answer within {context.Registration.Timeout.TotalMilliseconds:0} ms", ex);
        }
        catch (Exception ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis: {ex.Message}", ex);
        }
    }
}
