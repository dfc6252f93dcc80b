using System.Collections.Concurrent;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Search;

namespace PersonaCatalogue.Web.Features.Tools;

/// <summary>
/// The published tools as sets in memory, for the tools list's searches: which tools each search word finds, and which
/// tools each filter value (persona, skill, area, kind, cost, licence) keeps, each a bit per tool with the tools
/// numbered in name order. A search with filters is then a few bitwise ANDs and ORs, its count the bits left, and its
/// page (by name) the next twenty of them: no query joins thousands of matches back to their tools, which at 100,000
/// tools took 20 to 140 ms for a common word such as "data" with one filter. Only the page's twenty tools are then
/// read from the database. Results are exactly the database's: each word's set is what <see cref="SearchIndex"/>
/// finds for that word alone (several words must all match, as in the index), and each filter's set is the same
/// rule as <see cref="ToolQuery.Filter"/>'s (the tests compare the two).
/// <para>
/// Kept until the tools change (<see cref="CachedUntilToolsChange{T}"/>, which also notices another process's change
/// through the audit log). A word's set is kept once looked up, up to <see cref="WordBudgetBytes"/> in all (about 600
/// words at 100,000 tools), then the words start again.
/// </para>
/// </summary>
public sealed class ToolSearchSets : CachedUntilToolsChange<ToolSearchSets.Sets>
{
    /// <summary>At most this much memory for the words' sets.</summary>
    public const long WordBudgetBytes = 8 * 1024 * 1024;

    protected override async Task<Sets> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var personaSlugs = await db.Personas.ToDictionaryAsync(p => p.Id, p => p.Slug, cancellationToken);
        var skillSlugs = await db.Skills.Select(s => new { s.Id, s.Slug, Area = s.Area.Slug })
            .ToDictionaryAsync(s => s.Id, s => (s.Slug, s.Area), cancellationToken);
        var kindSlugs = ToolTerms.Kinds.ToDictionary(k => k.Kind.ToString(), k => k.Slug);
        var costSlugs = ToolTerms.Costs.ToDictionary(c => c.Cost.ToString(), c => c.Slug);
        var (openYes, openNo, openUnknown) = (ToolTerms.OpenSlug(true), ToolTerms.OpenSlug(false), ToolTerms.OpenSlug(null));

        // Plain data readers and ids: at 100,000 tools these are 500,000 rows, for which EF Core's materialiser and
        // parsing each row's enums took most of a second. Name order is the database's (its collation), from the
        // index on status and name alone; the other columns come in one pass over the listing index, which holds them
        // all: about 10 ms each at 100,000 tools, where ordering by two columns read every row.
        var byName = new List<int>();
        await PlainRows.ReadAsync(db, """SELECT "Id" FROM "Tools" WHERE "Status" = 'Published' ORDER BY "Name" """, row => byName.Add(row.GetInt32(0)), cancellationToken);
        var positions = new int[(byName.Count == 0 ? 0 : byName.Max()) + 1];
        Array.Fill(positions, -1);
        for (var i = 0; i < byName.Count; i++)
        {
            positions[byName[i]] = i;
        }

        int PositionOf(int toolId) => toolId < positions.Length ? positions[toolId] : -1;

        var size = Words(byName.Count);
        void Add(Dictionary<string, ulong[]> sets, string value, int position)
        {
            if (!sets.TryGetValue(value, out var set))
            {
                sets[value] = set = new ulong[size];
            }

            set[position >> 6] |= 1UL << position;
        }

        Dictionary<string, ulong[]> kinds = [], costs = [], open = [], personas = [], skills = [], areas = [];
        // SQLite gives the date as sortable ISO text, PostgreSQL as a timestamp: either compares in time order.
        var added = new object[byName.Count];
        await PlainRows.ReadAsync(db, """SELECT "Id", "Kind", "Cost", "IsOpen", "AddedAt" FROM "Tools" WHERE "Status" = 'Published' """, row =>
        {
            var position = PositionOf(row.GetInt32(0));
            Add(kinds, kindSlugs[row.GetString(1)], position);
            Add(costs, costSlugs[row.GetString(2)], position);
            Add(open, row.IsDBNull(3) ? openUnknown : row.GetBoolean(3) ? openYes : openNo, position);
            added[position] = row.GetValue(4);
        }, cancellationToken);

        // Newest first, then by name: the tools list's "newest" order.
        var newest = Enumerable.Range(0, byName.Count).ToArray();
        Array.Sort(newest, (a, b) => (added[b], added[a]) switch
        {
            (string later, string earlier) when string.CompareOrdinal(later, earlier) is not 0 and var order => order,
            (DateTime later, DateTime earlier) when later.CompareTo(earlier) is not 0 and var order => order,
            _ => a.CompareTo(b),
        });

        // Links of tools that are not published have no position and are left out.
        await PlainRows.ReadAsync(db, """SELECT "ToolId", "PersonaId" FROM "PersonaTools" """, row =>
        {
            if (PositionOf(row.GetInt32(0)) is >= 0 and var position)
            {
                Add(personas, personaSlugs[row.GetInt32(1)], position);
            }
        }, cancellationToken);
        await PlainRows.ReadAsync(db, """SELECT "ToolId", "SkillId" FROM "ToolSkills" """, row =>
        {
            if (PositionOf(row.GetInt32(0)) is >= 0 and var position)
            {
                var (skill, area) = skillSlugs[row.GetInt32(1)];
                Add(skills, skill, position);
                Add(areas, area, position);
            }
        }, cancellationToken);

        return new Sets([.. byName], positions, newest)
        {
            Personas = personas,
            Skills = skills,
            Areas = areas,
            Kinds = kinds,
            Costs = costs,
            Open = open,
        };
    }

    private static int Words(int bits) => (bits + 63) >> 6;

    /// <summary>One load of the published tools: what the searches of the tools list read until the tools change.</summary>
    public sealed class Sets(int[] byName, int[] positions, int[] newestPositions)
    {
        private readonly ConcurrentDictionary<string, ulong[]> _words = new();
        private long _wordBytes;

        public required Dictionary<string, ulong[]> Personas { get; init; }

        public required Dictionary<string, ulong[]> Skills { get; init; }

        public required Dictionary<string, ulong[]> Areas { get; init; }

        public required Dictionary<string, ulong[]> Kinds { get; init; }

        public required Dictionary<string, ulong[]> Costs { get; init; }

        public required Dictionary<string, ulong[]> Open { get; init; }

        /// <summary>The ids of one page of the published tools matching <paramref name="filters"/> (a search), and how many match.</summary>
        public async Task<(List<int> Ids, int Total)> PageAsync(
            CatalogueDbContext db, ToolFilters filters, int skip, int take, CancellationToken cancellationToken)
        {
            var matches = new ulong[Words(byName.Length)];
            var terms = SearchIndex.Terms(filters.Query);
            if (terms is not null)
            {
                Array.Fill(matches, ulong.MaxValue);
                foreach (var term in terms)
                {
                    And(matches, await WordAsync(db, term, cancellationToken));
                }

                And(matches, AnyOf(Personas, filters.Personas));
                And(matches, AnyOf(Skills, filters.Skills));
                And(matches, AnyOf(Areas, filters.Areas));
                And(matches, AnyOf(Kinds, filters.Kinds));
                And(matches, AnyOf(Costs, filters.Costs));
                And(matches, AnyOf(Open, filters.Open));
                // The words past the last tool are all ones from the fill: clear them.
                if (byName.Length % 64 != 0)
                {
                    matches[^1] &= (1UL << (byName.Length % 64)) - 1;
                }
            }

            var total = 0;
            foreach (var word in matches)
            {
                total += BitOperations.PopCount(word);
            }

            var page = new List<int>(take);
            if (filters.SortNewest)
            {
                foreach (var position in newestPositions)
                {
                    if (page.Count == take)
                    {
                        break;
                    }

                    if ((matches[position >> 6] & (1UL << position)) != 0 && skip-- <= 0)
                    {
                        page.Add(byName[position]);
                    }
                }
            }
            else
            {
                for (var i = 0; i < matches.Length && page.Count < take; i++)
                {
                    var word = matches[i];
                    var count = BitOperations.PopCount(word);
                    if (skip >= count)
                    {
                        skip -= count;
                        continue;
                    }

                    while (word != 0 && page.Count < take)
                    {
                        var bit = BitOperations.TrailingZeroCount(word);
                        word &= word - 1;
                        if (skip-- <= 0)
                        {
                            page.Add(byName[(i << 6) + bit]);
                        }
                    }
                }
            }

            return (page, total);
        }

        /// <summary>The tools one word finds: from the search index the first time, then from memory.</summary>
        private async Task<ulong[]> WordAsync(CatalogueDbContext db, string term, CancellationToken cancellationToken)
        {
            var key = term.ToLowerInvariant();
            if (_words.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var set = new ulong[Words(byName.Length)];
            foreach (var id in await SearchIndex.ToolIds(db, [key]).ToListAsync(cancellationToken))
            {
                if (id < positions.Length && positions[id] is >= 0 and var position)
                {
                    set[position >> 6] |= 1UL << position;
                }
            }

            var bytes = set.Length * sizeof(ulong);
            if (Interlocked.Add(ref _wordBytes, bytes) > WordBudgetBytes)
            {
                _words.Clear();
                Interlocked.Exchange(ref _wordBytes, bytes);
            }

            _words[key] = set;
            return set;
        }

        /// <summary>The tools any of the values keeps; null (no filter) when no value is chosen.</summary>
        private ulong[]? AnyOf(Dictionary<string, ulong[]> sets, List<string> values)
        {
            if (values.Count == 0)
            {
                return null;
            }

            var any = new ulong[Words(byName.Length)];
            foreach (var value in values)
            {
                if (sets.TryGetValue(value, out var set))
                {
                    for (var i = 0; i < any.Length; i++)
                    {
                        any[i] |= set[i];
                    }
                }
            }

            return any;
        }

        private static void And(ulong[] into, ulong[]? set)
        {
            if (set is null)
            {
                return;
            }

            for (var i = 0; i < into.Length; i++)
            {
                into[i] &= set[i];
            }
        }
    }
}
