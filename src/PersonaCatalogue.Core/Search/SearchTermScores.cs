using System.Collections.Concurrent;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Core.Search;

/// <summary>
/// SQLite's site search ranks from memory: for each search word, every entry of the index that it finds (by rowid, in
/// order) with the score FTS5's <c>bm25</c> gives that entry for that word alone. FTS5's bm25 is a sum over the
/// query's words of one part per word, each depending only on the word and the entry (the word's weight, its inverse
/// document frequency, is counted over the whole index), so an entry's score for several words is the sum of its scores
/// for each, added in the words' order: the same number, to the last bit, as bm25 for the whole query
/// (<c>SiteSearchScoresTests</c> compares them). Ranking in SQL made FTS5 read every match of each word again on every
/// search to count them for that weight: at 100,000 tools a common word's 100,000 matches, each time.
/// <para>
/// Kept until the catalogue's entries change: the index holds tools, personas and skills, and only an import changes
/// a persona or a skill (<see cref="CachedUntilToolsChange{T}"/>, which also notices another process's change through
/// the audit log). A word is read from the index the first time it is searched for, then kept, up to
/// <see cref="BudgetBytes"/> in all (about 6 bytes a match: some 2.8 million matches, where the 180 words
/// <c>bench/run</c> searches for have 2.4 million between them at 100,000 tools), then the words start again.
/// </para>
/// </summary>
public sealed class SearchTermScores : CachedUntilToolsChange<SearchTermScores.Words>
{
    /// <summary>At most this much memory for the words' matches.</summary>
    public const long BudgetBytes = 16 * 1024 * 1024;

    protected override Task<Words> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken) => Task.FromResult(new Words());

    /// <summary>
    /// One word's matches: index rowids in ascending order, and each one's bm25 score for the word alone. That score
    /// depends only on how often the entry has the word (in each column) and the entry's length in words, so in a large
    /// catalogue many entries share each score: each match then keeps the number of its score in a list of them
    /// (2 bytes rather than 8), unless the word has more than 65,536 different scores or numbering saves nothing.
    /// </summary>
    public sealed class Matches
    {
        private readonly double[] _values;
        private readonly ushort[]? _valueOf;

        private Matches(int[] rowIds, double[] values, ushort[]? valueOf)
        {
            RowIds = rowIds;
            _values = values;
            _valueOf = valueOf;
        }

        public int[] RowIds { get; }

        public double Score(int match) => _valueOf is null ? _values[match] : _values[_valueOf[match]];

        public long Bytes => RowIds.LongLength * sizeof(int) + _values.LongLength * sizeof(double) + (_valueOf?.LongLength ?? 0) * sizeof(ushort);

        /// <summary>
        /// Reads the word's matches from the index: counted first, so each array is made once at its size. A word with
        /// more than <paramref name="mostValues"/> different scores keeps each match's own.
        /// </summary>
        public static async Task<Matches> ReadAsync(
            CatalogueDbContext db, string term, CancellationToken cancellationToken, int mostValues = ushort.MaxValue + 1)
        {
            var query = ("$query", (object)SearchIndex.Fts5Query([term]));
            var count = 0;
            await PlainRows.ReadAsync(db, "SELECT count(*) FROM SearchIndex WHERE SearchIndex MATCH $query", row => count = row.GetInt32(0), cancellationToken, query);

            var rowIds = new int[count];
            ushort[]? valueOf = new ushort[count];
            var values = new Dictionary<double, ushort>();
            double[]? scores = null;
            var read = 0;
            await PlainRows.ReadAsync(db, $"SELECT rowid, {SearchIndex.Bm25} FROM SearchIndex WHERE SearchIndex MATCH $query ORDER BY rowid", row =>
            {
                // More rows than counted: an entry added between the two reads. It joins the next read of the word.
                if (read == count)
                {
                    return;
                }

                rowIds[read] = checked((int)row.GetInt64(0));
                var score = row.GetDouble(1);
                if (valueOf is null)
                {
                    scores![read] = score;
                }
                else if (values.TryGetValue(score, out var number))
                {
                    valueOf[read] = number;
                }
                else if (values.Count < mostValues)
                {
                    number = (ushort)values.Count;
                    values[score] = number;
                    valueOf[read] = number;
                }
                else
                {
                    scores = new double[count];
                    var byNumber = Numbered(values);
                    for (var i = 0; i < read; i++)
                    {
                        scores[i] = byNumber[valueOf[i]];
                    }

                    scores[read] = score;
                    valueOf = null;
                }

                read++;
            }, cancellationToken, query);

            // Fewer: an entry removed between the two reads. (Resizing to the same size does nothing.)
            Array.Resize(ref rowIds, read);
            if (valueOf is not null)
            {
                Array.Resize(ref valueOf, read);
                var byNumber = Numbered(values);
                if ((long)byNumber.Length * sizeof(double) + read * sizeof(ushort) < (long)read * sizeof(double))
                {
                    return new Matches(rowIds, byNumber, valueOf);
                }

                // Numbering saves nothing when nearly every score differs (a small catalogue): each keeps its own.
                scores = [.. valueOf.Select(number => byNumber[number])];
                return new Matches(rowIds, scores, null);
            }

            Array.Resize(ref scores, read);
            return new Matches(rowIds, scores!, null);
        }

        private static double[] Numbered(Dictionary<double, ushort> values) => [.. values.OrderBy(v => v.Value).Select(v => v.Key)];
    }

    /// <summary>The words read since the entries last changed.</summary>
    public sealed class Words
    {
        private readonly ConcurrentDictionary<string, Task<Matches>> _words = new();
        private long _bytes;

        /// <summary>
        /// A word's matches, from memory, or read once for every request that asks while it is read: after a change, the
        /// first searches all want the commonest words, and each reading "data" for itself at 100,000 tools (0.4 s and
        /// 600 KB each) held the site up and its memory high. The read runs on the first asker's DbContext and is not
        /// cancelled with its request, as others wait for it; one that fails is forgotten, so the next search tries again.
        /// </summary>
        public async Task<Matches> GetAsync(CatalogueDbContext db, string term, CancellationToken cancellationToken)
        {
            var key = term.ToLowerInvariant();
            if (_words.TryGetValue(key, out var known))
            {
                return await known;
            }

            var reading = new TaskCompletionSource<Matches>(TaskCreationOptions.RunContinuationsAsynchronously);
            var claimed = _words.GetOrAdd(key, reading.Task);
            if (claimed != reading.Task)
            {
                return await claimed;
            }

            try
            {
                var matches = await Matches.ReadAsync(db, key, CancellationToken.None);
                if (Interlocked.Add(ref _bytes, matches.Bytes) > BudgetBytes)
                {
                    _words.Clear();
                    Interlocked.Exchange(ref _bytes, matches.Bytes);
                    _words[key] = reading.Task;
                }

                reading.SetResult(matches);
            }
            catch (Exception exception)
            {
                _words.TryRemove(new KeyValuePair<string, Task<Matches>>(key, reading.Task));
                reading.SetException(exception);
            }

            return await reading.Task;
        }
    }

    /// <summary>
    /// The entries matching every word, in rowid order, each with its score for all the words (the sum of its scores for
    /// each, in the words' order, as bm25 adds them): at most <paramref name="most"/> of them, and how many match,
    /// counted up to <paramref name="countUpTo"/>.
    /// </summary>
    public static (List<(int RowId, double Score)> First, int Matched) Intersect(IReadOnlyList<Matches> words, int most, int countUpTo)
    {
        var first = new List<(int RowId, double Score)>(Math.Min(most, 1024));
        if (words.Count == 0)
        {
            return (first, 0);
        }

        // Walk the word with the fewest matches; find each of its rowids in the others by binary search from where the
        // last one was found.
        var shortest = 0;
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i].RowIds.Length < words[shortest].RowIds.Length)
            {
                shortest = i;
            }
        }

        var from = new int[words.Count];
        var at = new int[words.Count];
        var matched = 0;
        foreach (var rowId in words[shortest].RowIds)
        {
            var inAll = true;
            for (var i = 0; i < words.Count && inAll; i++)
            {
                var found = Array.BinarySearch(words[i].RowIds, from[i], words[i].RowIds.Length - from[i], rowId);
                if (found >= 0)
                {
                    at[i] = found;
                    from[i] = found + 1;
                }
                else
                {
                    from[i] = ~found;
                    inAll = false;
                }
            }

            if (!inAll)
            {
                continue;
            }

            if (first.Count < most)
            {
                var score = 0.0;
                for (var i = 0; i < words.Count; i++)
                {
                    score += words[i].Score(at[i]);
                }

                first.Add((rowId, score));
            }

            if (++matched >= countUpTo)
            {
                break;
            }
        }

        return (first, matched);
    }
}
