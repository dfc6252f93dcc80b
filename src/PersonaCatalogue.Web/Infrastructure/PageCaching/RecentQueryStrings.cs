namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

/// <summary>
/// The addresses with a query string asked for lately, so that such a page is stored in the output cache only when it
/// is asked for a second time. Searches and filter combinations are mostly asked once: storing each one filled the
/// cache with pages nobody read again, pushing out the ones people share (at 10,000 tools that churn cost about 40 MB
/// of resident memory). Pages without a query string are a bounded set and are stored on the first request.
/// </summary>
/// <remarks>
/// A fixed table of hashes, each address in one slot by its hash (a "doorkeeper"): a later address landing in the same
/// slot replaces the earlier one, which then needs two more requests to be stored. Nothing grows, nothing is locked,
/// and a mistake either way only costs one extra miss or one stored page.
/// </remarks>
public sealed class RecentQueryStrings
{
    // 16,384 slots of 8 bytes: 128 KB, remembering thousands of recent searches.
    private readonly long[] _slots = new long[16_384];

    /// <summary>Remembers a path with the query values its page reads, and says whether it was remembered already.</summary>
    public bool Remember(PathString path, string query)
    {
        var hash = (uint)HashCode.Combine(path.Value, query);
        // The top bit marks a used slot, so an empty slot (0) never matches.
        var entry = (long)hash | (1L << 32);
        return Interlocked.Exchange(ref _slots[hash % (uint)_slots.Length], entry) == entry;
    }
}
