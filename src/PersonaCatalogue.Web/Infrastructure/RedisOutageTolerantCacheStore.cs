using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Wraps the Redis output cache store so that Redis being away costs only caching, never a request: a failed read
/// is a miss, a failed write is skipped, and a failed eviction is logged as an error. Without it the eviction that
/// follows every committed change would throw, turning a moderator's saved decision into an error page (and an empty
/// database could not be filled on start). The risk left is the logged one: while this instance cannot reach Redis,
/// others that can may serve a page it failed to evict until the page expires (<c>OutputCache:ExpirationSeconds</c>).
/// </summary>
public sealed class RedisOutageTolerantCacheStore(IOutputCacheStore redis, ILogger<RedisOutageTolerantCacheStore> logger)
    : IOutputCacheStore, IOutputCacheBufferStore, IDisposable
{
    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await redis.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            logger.LogError(ex, "Could not evict cached pages tagged {Tag} from Redis; other instances may show them until they expire", tag);
        }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.GetAsync(key, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            logger.LogWarning(ex, "Redis did not answer; rendering the page instead");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await redis.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            logger.LogWarning(ex, "Redis did not answer; the page was not cached");
        }
    }

    async ValueTask<bool> IOutputCacheBufferStore.TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (redis is not IOutputCacheBufferStore buffers)
        {
            var value = await GetAsync(key, cancellationToken);
            if (value is null)
            {
                return false;
            }

            await destination.WriteAsync(value, cancellationToken);
            return true;
        }

        try
        {
            return await buffers.TryGetAsync(key, destination, cancellationToken);
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            logger.LogWarning(ex, "Redis did not answer; rendering the page instead");
            return false;
        }
    }

    async ValueTask IOutputCacheBufferStore.SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            if (redis is IOutputCacheBufferStore buffers)
            {
                await buffers.SetAsync(key, value, tags, validFor, cancellationToken);
            }
            else
            {
                await redis.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            }
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            logger.LogWarning(ex, "Redis did not answer; the page was not cached");
        }
    }

    public void Dispose() => (redis as IDisposable)?.Dispose();

    private static bool IsOutage(Exception ex) => ex is RedisException or TimeoutException or SocketException;
}
