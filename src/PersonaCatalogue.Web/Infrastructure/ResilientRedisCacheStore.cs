using System.Net.Sockets;
using Microsoft.AspNetCore.OutputCaching;
using PersonaCatalogue.Web.Infrastructure.PageCaching;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Wraps the Redis output cache store so that Redis being away, slow or silent costs only caching, never a request,
/// and never leaves a stale page behind:
/// <list type="bullet">
/// <item>every call has a short budget (<c>Redis:BudgetMilliseconds</c>, 50 by default): a read that takes longer is a
/// miss, a write is skipped;</item>
/// <item>a circuit breaker stops asking Redis for <c>Redis:BreakSeconds</c> (10) once half the calls of the last 10
/// seconds failed (at least <c>Redis:FailuresToBreak</c>, 3), so pages are rendered from the database at normal speed,
/// then lets one call through to try again;</item>
/// <item>keys carry the <see cref="SharedCacheGeneration"/>: an eviction that cannot reach Redis starts a new
/// generation (recorded in the database), so no instance serves a page stored before the change; and after an outage
/// of its own, an instance reads the generation again before it uses Redis.</item>
/// </list>
/// Pages are read whole (not streamed into the response), so a read cut short by the budget never leaves half a page
/// behind. See docs/decisions/0008-surviving-a-silent-redis.md.
/// </summary>
public sealed class ResilientRedisCacheStore : IOutputCacheStore, IDisposable
{
    private readonly IOutputCacheStore _redis;
    private readonly SharedCacheGeneration _generation;
    private readonly ILogger<ResilientRedisCacheStore> _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _evictions;
    private readonly CircuitBreakerStateProvider _circuit = new();

    public ResilientRedisCacheStore(IOutputCacheStore redis, SharedCacheGeneration generation, IConfiguration configuration, ILogger<ResilientRedisCacheStore> logger)
    {
        _redis = redis;
        _generation = generation;
        _logger = logger;
        var breaker = new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = configuration.GetValue("Redis:FailuresToBreak", 3),
            SamplingDuration = TimeSpan.FromSeconds(10),
            BreakDuration = TimeSpan.FromSeconds(configuration.GetValue("Redis:BreakSeconds", 10.0)),
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsOutage),
            StateProvider = _circuit,
            OnOpened = args =>
            {
                // Whatever happened meanwhile (another instance's lost eviction) is read before Redis is used again.
                _generation.MustRefresh();
                _logger.LogError(args.Outcome.Exception, "Redis is not answering: pages are rendered without the shared cache for {Seconds} s, then Redis is tried again", args.BreakDuration.TotalSeconds);
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                _logger.LogInformation("Redis answers again: using the shared page cache");
                return ValueTask.CompletedTask;
            },
        };
        var budget = TimeSpan.FromMilliseconds(configuration.GetValue("Redis:BudgetMilliseconds", 50.0));
        _pipeline = new ResiliencePipelineBuilder().AddCircuitBreaker(breaker).AddTimeout(budget).Build();
        // An eviction runs once per change, off the page path, so it may wait a little longer before it counts as lost.
        var evictionBudget = TimeSpan.FromMilliseconds(configuration.GetValue("Redis:EvictionBudgetMilliseconds", 500.0));
        _evictions = new ResiliencePipelineBuilder().AddTimeout(evictionBudget).Build();
    }

    /// <summary>Whether Redis is being asked (closed or half-open) or left alone for now (open).</summary>
    public bool IsAskingRedis => _circuit.CircuitState is CircuitState.Closed or CircuitState.HalfOpen;

    /// <summary>Evicts, or throws <see cref="EvictionLostException"/> when Redis cannot be reached in time (the caller starts a new generation).</summary>
    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!IsAskingRedis)
        {
            throw new EvictionLostException(tag, null);
        }

        try
        {
            await _evictions.ExecuteAsync(async token => await _redis.EvictByTagAsync(tag, token).AsTask().WaitAsync(token), cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            throw new EvictionLostException(tag, ex);
        }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        await TryAsync(async token => await _redis.GetAsync(Key(key), token).AsTask().WaitAsync(token), cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        await TryAsync(async token =>
        {
            await _redis.SetAsync(Key(key), value, tags, validFor, token).AsTask().WaitAsync(token);
            return true;
        }, cancellationToken);

    public void Dispose() => (_redis as IDisposable)?.Dispose();

    private string Key(string key) => $"g{_generation.Current}:{key}";

    /// <summary>Runs one call within the budget and the breaker; default when Redis did not answer in time or is left alone.</summary>
    private async ValueTask<T?> TryAsync<T>(Func<CancellationToken, ValueTask<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            // Through the breaker even while it is open (it refuses at once), so that it can let a trial call through.
            return await _pipeline.ExecuteAsync(async token =>
            {
                // Only once Redis is about to be used: after an outage, the generation is read again first. The
                // database's answer is not part of Redis's budget.
                if (!await _generation.EnsureCurrentAsync(cancellationToken))
                {
                    return default;
                }

                return await call(token);
            }, cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            return default;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            _logger.LogDebug(ex, "Redis did not answer within its budget; rendering the page instead");
            return default;
        }
    }

    private static bool IsOutage(Exception ex) =>
        ex is RedisException or TimeoutException or SocketException or TimeoutRejectedException;
}

/// <summary>An eviction did not reach the shared cache: the pages it meant to remove may still be there.</summary>
public sealed class EvictionLostException(string tag, Exception? inner)
    : Exception($"Could not evict cached pages tagged {tag} from Redis", inner);
