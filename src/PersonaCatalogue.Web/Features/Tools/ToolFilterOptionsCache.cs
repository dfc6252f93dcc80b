using Microsoft.Extensions.Caching.Memory;
using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Tools;

/// <summary>
/// The tools page's filter options (personas, skill areas and skills) kept in memory: every uncached tools list and
/// every API call needs them, and only an import changes them, which expires them with the page cache.
/// </summary>
public sealed class ToolFilterOptionsCache(IMemoryCache memory, PageCache pages)
{
    private static readonly object _key = new();

    public async Task<ToolFilterOptions> GetAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        if (memory.TryGetValue(_key, out ToolFilterOptions? cached) && cached is not null)
        {
            return cached;
        }

        // Taken before reading, so an import committed while this request reads expires what it stores.
        var changed = pages.WholeCatalogueChanged;
        var options = await ToolFilterOptions.LoadAsync(db, cancellationToken);
        memory.Set(_key, options, new MemoryCacheEntryOptions().AddExpirationToken(changed));
        return options;
    }
}
