using Microsoft.AspNetCore.OutputCaching;

namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

/// <summary>Evicts cached pages by tag, from the in-memory store or Redis, whichever is configured.</summary>
public sealed class PageCache(IOutputCacheStore store, IConfiguration configuration, ILogger<PageCache> logger)
{
    /// <summary>
    /// A request that read the old data just before the change was committed can still store its page just after
    /// the eviction. Evicting the same tags again a moment later removes any such page, so nothing stale outlives
    /// the slowest request. Zero turns the second pass off (the tests do, so one test's late pass cannot evict
    /// pages another test has just cached).
    /// </summary>
    private readonly TimeSpan _secondPassDelay = TimeSpan.FromSeconds(configuration.GetValue("OutputCache:SecondPassSeconds", 2.0));

    public async Task EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default)
    {
        if (tags.Count == 0)
        {
            return;
        }

        await EvictNowAsync(tags, cancellationToken);
        if (_secondPassDelay <= TimeSpan.Zero)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(_secondPassDelay, CancellationToken.None);
                await EvictNowAsync(tags, CancellationToken.None);
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The second eviction pass for {Tags} failed", string.Join(", ", tags));
            }
        }, CancellationToken.None);
    }

    private async Task EvictNowAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        // Evicting everything makes the narrower tags redundant.
        foreach (var tag in tags.Contains(PageTags.All) ? [PageTags.All] : tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }

        logger.LogDebug("Evicted cached pages tagged {Tags}", string.Join(", ", tags));
    }
}
