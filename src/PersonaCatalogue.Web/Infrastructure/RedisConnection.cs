using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using PersonaCatalogue.Web.Infrastructure.PageCaching;
using StackExchange.Redis;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// One connection to Redis for the app, shared by the output cache and the health check. Opened on first use, and
/// never fails the start: StackExchange.Redis keeps retrying in the background while Redis is away.
/// </summary>
public sealed class RedisConnection(string configuration) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(async () =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(options);
    });

    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}

public static class RedisSetup
{
    /// <summary>
    /// With <c>Redis:Configuration</c> set (a StackExchange.Redis configuration string such as <c>redis:6379</c>),
    /// cached pages live in Redis instead of each instance's memory, so evicting a tag after a change reaches every
    /// instance. <c>Redis:InstanceName</c> prefixes the keys, for several sites sharing one Redis. The store is
    /// wrapped so that Redis being away, slow or silent never fails or slows a request, and never leaves a stale page
    /// behind (see <see cref="ResilientRedisCacheStore"/>).
    /// </summary>
    public static IServiceCollection AddCatalogueRedis(this IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder health)
    {
        if (configuration["Redis:Configuration"] is not { Length: > 0 } redisConfiguration)
        {
            return services;
        }

        services.AddSingleton(_ => new RedisConnection(redisConfiguration));
        services.AddStackExchangeRedisOutputCache(_ => { });
        var redisStore = services.Last(service => service.ServiceType == typeof(IOutputCacheStore));
        services.Remove(redisStore);
        services.AddSingleton<SharedCacheGeneration>();
        services.AddHostedService<SharedCacheGenerationWatcher>();
        services.AddSingleton<ResilientRedisCacheStore>(provider => new ResilientRedisCacheStore(
            (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, redisStore.ImplementationType!),
            provider.GetRequiredService<SharedCacheGeneration>(),
            configuration,
            provider.GetRequiredService<ILogger<ResilientRedisCacheStore>>()));
        services.AddSingleton<IOutputCacheStore>(provider => provider.GetRequiredService<ResilientRedisCacheStore>());
        // The store is given the shared connection, which comes from DI.
        services.AddOptions<RedisOutputCacheOptions>().Configure<RedisConnection>((options, redis) =>
        {
            options.InstanceName = configuration["Redis:InstanceName"] is { Length: > 0 } name ? name : "PersonaCatalogue:";
            options.ConnectionMultiplexerFactory = redis.GetAsync;
        });
        // /health answers within a second whatever is down.
        health.AddCheck<RedisHealthCheck>("redis", timeout: TimeSpan.FromMilliseconds(configuration.GetValue("Redis:HealthCheckMilliseconds", 500.0)));
        return services;
    }
}
