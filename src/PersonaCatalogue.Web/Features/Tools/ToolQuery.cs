using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Search;
using PersonaCatalogue.Web.Features.Feedback;
using PersonaCatalogue.Web.Features.Search;

namespace PersonaCatalogue.Web.Features.Tools;

/// <summary>The published tools matching a set of filters, sorted: shared by the tools page and the read API.</summary>
public static class ToolQuery
{
    /// <summary>Gets the filter options and drops unknown values from <paramref name="filters"/>.</summary>
    public static async Task<Vocabulary> NormaliseAsync(CatalogueDbContext db, CatalogueVocabulary optionsCache, ToolFilters filters, CancellationToken cancellationToken)
    {
        var options = await optionsCache.GetAsync(db, cancellationToken);
        filters.Normalise(
            options.Personas.Select(p => p.Value).ToHashSet(),
            options.Areas.SelectMany(a => a.Skills).Select(s => s.Value).ToHashSet(),
            options.Areas.Select(a => a.Value).ToHashSet(),
            ToolTerms.Kinds.Select(k => k.Slug).ToHashSet(),
            ToolTerms.Costs.Select(c => c.Slug).ToHashSet());
        return options;
    }

    /// <summary>
    /// Within a group any ticked value matches; across groups all must match. One ticked value (the usual case) is
    /// compared as one parameter: a list goes as a parameter per value, and EF Core then builds the query's SQL afresh
    /// on every request (about 5% of an uncached list's CPU at 10,000 tools) rather than reusing it.
    /// </summary>
    /// <param name="forPage">
    /// For picking a page rather than counting: a search listed by name (the default order) then walks the tools in
    /// name order through the index on status, name, kind and cost, checking each against the matches and stopping at
    /// the page's last tool, rather than sorting every match by name: for a common word the first names are found almost
    /// at once. Counting stays on the usual plan, which starts from the matches.
    /// </param>
    public static IQueryable<Tool> Filter(CatalogueDbContext db, ToolFilters filters, bool forPage = false)
    {
        var query = forPage && filters.Query is not null && !filters.SortNewest && !filters.SortHelpful
            ? SearchIndex.ToolsInNameOrder(db)
            : db.Tools;
        query = query.Where(t => t.Status == ToolStatus.Published);
        query = filters.Personas switch
        {
            [] => query,
            [var persona] => query.Where(t => t.Personas.Any(p => p.Persona.Slug == persona)),
            var personas => query.Where(t => t.Personas.Any(p => personas.Contains(p.Persona.Slug))),
        };
        query = filters.Skills switch
        {
            [] => query,
            [var skill] => query.Where(t => t.Skills.Any(s => s.Skill.Slug == skill)),
            var skills => query.Where(t => t.Skills.Any(s => skills.Contains(s.Skill.Slug))),
        };
        query = filters.Areas switch
        {
            [] => query,
            [var area] => query.Where(t => t.Skills.Any(s => s.Skill.Area.Slug == area)),
            var areas => query.Where(t => t.Skills.Any(s => areas.Contains(s.Skill.Area.Slug))),
        };
        query = filters.Kinds.Select(k => ToolTerms.KindFromSlug(k)!.Value).ToList() switch
        {
            [] => query,
            [var kind] => query.Where(t => t.Kind == kind),
            var kinds => query.Where(t => kinds.Contains(t.Kind)),
        };
        query = filters.Costs.Select(c => ToolTerms.CostFromSlug(c)!.Value).ToList() switch
        {
            [] => query,
            [var cost] => query.Where(t => t.Cost == cost),
            var costs => query.Where(t => costs.Contains(t.Cost)),
        };

        if (filters.Open.Count > 0)
        {
            // A null IsOpen is "not known": matched only by asking for it, never counted as a no.
            var yes = filters.Open.Contains("yes");
            var no = filters.Open.Contains("no");
            var unknown = filters.Open.Contains("unknown");
            query = query.Where(t => (yes && t.IsOpen == true) || (no && t.IsOpen == false) || (unknown && t.IsOpen == null));
        }

        if (filters.Query is not null)
        {
            // A query with no searchable words (only punctuation) matches nothing rather than everything.
            var searchTerms = SearchIndex.Terms(filters.Query);
            var ids = searchTerms is null ? db.Tools.Where(_ => false).Select(t => t.Id) : SearchIndex.ToolIds(db, searchTerms);
            // SQLite starts from these few ids and looks each tool up by key, rather than walking every published tool,
            // once it has table statistics (SqliteConnectionSettings runs PRAGMA optimize): EXPLAIN QUERY PLAN shows
            // "SEARCH t USING INTEGER PRIMARY KEY (rowid=?)" with "LIST SUBQUERY".
            query = query.Where(t => ids.Contains(t.Id));
        }

        return query;
    }

    /// <summary>
    /// How many tools match. A search with no other filter is counted in the search index alone, which holds only
    /// published tools: a word such as "data" matches nearly every tool, and counting by joining each match back to
    /// its tool took longer than the rest of the page at 10,000 tools.
    /// </summary>
    public static Task<int> CountAsync(CatalogueDbContext db, IQueryable<Tool> filtered, ToolFilters filters, CancellationToken cancellationToken) =>
        filters.OnlySearch && SearchIndex.Terms(filters.Query) is { } terms
            ? SearchIndex.CountToolsAsync(db, terms, cancellationToken)
            : filtered.CountAsync(cancellationToken);

    /// <summary>
    /// How many tools match: with no filter at all, every published tool, from the counts kept in memory
    /// (<see cref="CatalogueToolCounts"/>; counting 100,000 published tools took 6 ms a request); otherwise
    /// <see cref="CountAsync"/>.
    /// </summary>
    public static async Task<int> TotalAsync(
        CatalogueDbContext db, CatalogueToolCounts toolCounts, IQueryable<Tool> filtered, ToolFilters filters, CancellationToken cancellationToken) =>
        filters.HasFilters
            ? await CountAsync(db, filtered, filters, cancellationToken)
            : (await toolCounts.GetAsync(db, cancellationToken)).Published;

    /// <summary>
    /// The chosen order by name or newest, worked out in SQL so paging stays in SQL. "Most found helpful" is not an
    /// order of one query: see <see cref="PageAsync"/>.
    /// </summary>
    private static IQueryable<Tool> Sort(IQueryable<Tool> query, ToolFilters filters) =>
        filters.SortNewest ? query.OrderByDescending(t => t.AddedAt).ThenBy(t => t.Name) : query.OrderBy(t => t.Name);

    /// <summary>
    /// One page of the filtered tools in the chosen order, each as <paramref name="project"/> makes it: the tools list,
    /// the read API and the persona and skill pages all page through here.
    /// </summary>
    /// <remarks>
    /// "Most found helpful" ranks tools by the share of people who said they helped (spam left out), then by how many
    /// answered, then by name, but only tools with at least <paramref name="minimumAnswersToRank"/> answers, so one keen
    /// vote cannot put a tool at the top; everyone else follows by name. The two parts are read apart, so neither reads
    /// every matching tool: the ranked tools are found from the answers, which are few, and sorted; the rest are walked
    /// in name order (the index on status and name) with the ranked ones left out, stopping at the page's last tool.
    /// Sorting every match by its answers counted the answers of each: 435 ms at p95 for the first page at 100,000
    /// tools. A page may straddle the two parts; a page wholly in the rest starts <paramref name="skip"/> less the number
    /// of ranked tools into it. The ids of the tools with enough answers come first, from one grouped read of the
    /// answers, and go to both parts as one parameter: with none (a new catalogue), the ranked part is not read, and
    /// the rest is the list by name.
    /// </remarks>
    public static async Task<List<TRow>> PageAsync<TRow>(
        CatalogueDbContext db, ToolFilters filters, int minimumAnswersToRank, int skip, int take,
        Func<IQueryable<Tool>, IQueryable<TRow>> project, CancellationToken cancellationToken)
    {
        if (take <= 0)
        {
            return [];
        }

        if (!filters.SortHelpful)
        {
            return await project(Page(db, Sort(Filter(db, filters, forPage: true), filters), filters, skip, take)).ToListAsync(cancellationToken);
        }

        // The tools with enough answers to rank, read first: few (none in a new catalogue), so neither part below groups
        // every answer again in a subquery, and when none has enough there is no ranked part to read.
        var minimum = Math.Max(1, minimumAnswersToRank);
        var counted = ToolHelpfulness.Counted(db);
        var answeredEnough = await counted.GroupBy(f => f.ToolId).Where(g => g.Count() >= minimum).Select(g => g.Key).ToListAsync(cancellationToken);
        List<TRow> ranked = [];
        var rankedCount = 0;
        if (answeredEnough.Count > 0)
        {
            // One parameter for the list, however long (EF Core would otherwise send a parameter per id).
            var rankedTools = Filter(db, filters).Where(t => EF.Parameter(answeredEnough).Contains(t.Id));
            IQueryable<Tool> Ranked(IQueryable<Tool> tools) => tools
                .Select(t => new
                {
                    Tool = t,
                    Answered = counted.Count(f => f.ToolId == t.Id),
                    Helped = counted.Count(f => f.ToolId == t.Id && f.Helped),
                })
                .OrderByDescending(x => (double)x.Helped / x.Answered)
                .ThenByDescending(x => x.Answered)
                .ThenBy(x => x.Tool.Name)
                .Select(x => x.Tool);

            ranked = await project(Page(db, Ranked(rankedTools), Ranked, skip, take)).ToListAsync(cancellationToken);
            if (ranked.Count == take)
            {
                return ranked;
            }

            // The ranked part ended on this page, or before it: then how far before decides where the rest starts.
            rankedCount = ranked.Count > 0 || skip == 0 ? skip + ranked.Count : await rankedTools.CountAsync(cancellationToken);
        }

        // The rest by name, as the list by name pages it (a search walks the tools in name order: see Filter).
        var byName = filters.WithSort(null);
        var rest = Filter(db, byName, forPage: true);
        if (answeredEnough.Count > 0)
        {
            rest = rest.Where(t => !EF.Parameter(answeredEnough).Contains(t.Id));
        }

        return [.. ranked, .. await project(Page(db, rest.OrderBy(t => t.Name), byName, skip + ranked.Count - rankedCount, take - ranked.Count)).ToListAsync(cancellationToken)];
    }

    /// <summary>
    /// The tools from <paramref name="skip"/> on in <paramref name="sorted"/>'s order. The page's ids are picked first,
    /// from what the listing index holds (IX_Tools_Listing), and only those tools are then read in full and sorted again;
    /// sorting the matches as full rows read every match's description to keep twenty.
    /// </summary>
    private static IQueryable<Tool> Page(CatalogueDbContext db, IQueryable<Tool> sorted, Func<IQueryable<Tool>, IQueryable<Tool>> sortAgain, int skip, int take) =>
        // Skip and Take inside the lambda, so EF Core sends them as parameters: outside it they would be constants in
        // the subquery, and EF Core would compile a query for every page number.
        sortAgain(db.Tools.Where(t => sorted.Select(s => s.Id).Skip(skip).Take(take).Contains(t.Id)));

    private static IQueryable<Tool> Page(CatalogueDbContext db, IQueryable<Tool> sorted, ToolFilters filters, int skip, int take) =>
        Page(db, sorted, tools => Sort(tools, filters), skip, take);

    /// <summary>The "most found helpful" threshold, <c>Feedback:MinimumAnswersToRank</c> (default 5).</summary>
    public static int MinimumAnswersToRank(IConfiguration configuration) =>
        configuration.GetValue("Feedback:MinimumAnswersToRank", 5);
}
