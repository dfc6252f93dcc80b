using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>Pings Redis (the shared output cache) when one is configured.</summary>
public class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await redis.GetAsync();
            var latency = await connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis, ping {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"Redis: {ex.Message}", ex);
        }
    }
}
