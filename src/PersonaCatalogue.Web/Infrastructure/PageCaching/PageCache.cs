using Microsoft.AspNetCore.OutputCaching;

namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

/// <summary>Evicts cached pages by tag, from the in-memory store or Redis, whichever is configured.</summary>
public sealed class PageCache(IOutputCacheStore store, IConfiguration configuration, ILogger<PageCache> logger, SharedCacheGeneration? sharedGeneration = null)
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

        if (!await EvictNowAsync(tags, cancellationToken) || _secondPassDelay <= TimeSpan.Zero)
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

    /// <summary>
    /// Evicts the tags; false when the shared cache could not be reached, in which case a new generation of cached
    /// pages is started instead (once for the whole change), which leaves nothing to evict a second time.
    /// </summary>
    private async Task<bool> EvictNowAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        try
        {
            // Evicting everything makes the narrower tags redundant.
            foreach (var tag in tags.Contains(PageTags.All) ? [PageTags.All] : tags)
            {
                await store.EvictByTagAsync(tag, cancellationToken);
            }

            logger.LogDebug("Evicted cached pages tagged {Tags}", string.Join(", ", tags));
            return true;
        }
        catch (EvictionLostException lost) when (sharedGeneration is not null)
        {
            logger.LogError(lost, "Redis could not be reached to evict {Tags}: starting a new generation of cached pages", string.Join(", ", tags));
            try
            {
                await sharedGeneration.NewGenerationAsync(tags, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away too; the change that wanted the eviction then could hardly have been saved.
                logger.LogError(ex, "Could not record a new generation of cached pages either");
            }

            return false;
        }
    }
}
