using System.Collections;
using Microsoft.EntityFrameworkCore;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>Where one page sits in a longer list: the paging arithmetic of every list, API and pagination links.</summary>
public class PagePosition(int page, int pageSize, int total)
{
    /// <summary>From 1.</summary>
    public int Page { get; } = page;

    public int PageSize { get; } = pageSize;

    /// <summary>How many items the whole list holds.</summary>
    public int Total { get; } = total;

    /// <summary>How many pages the items fill: none for an empty list.</summary>
    public int PageCount => PagesFor(Total, PageSize);

    /// <summary>How many items come before this page.</summary>
    public int Offset => (Page - 1) * PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    /// <summary>
    /// The page nearest to <paramref name="requestedPage"/>: a hand-edited or out-of-date address past either end
    /// shows the first or the last page rather than nothing. An empty list still has its first page, which says so.
    /// </summary>
    public static PagePosition Nearest(int requestedPage, int pageSize, int total) =>
        new(Math.Clamp(requestedPage, 1, Math.Max(1, PagesFor(total, pageSize))), pageSize, total);

    private static int PagesFor(int total, int pageSize) => (int)Math.Ceiling(total / (double)pageSize);
}

/// <summary>One page of a longer list: its items (it is a list of them) and where it sits.</summary>
public sealed class Paged<T>(IReadOnlyList<T> items, PagePosition position)
    : PagePosition(position.Page, position.PageSize, position.Total), IReadOnlyList<T>
{
    public int Count => items.Count;

    public T this[int index] => items[index];

    /// <summary>The number of the first item on this page, counting from 1, as in "Showing 21 to 40 of 57".</summary>
    public int FirstShown => Offset + 1;

    /// <summary>The number of the last item on this page.</summary>
    public int LastShown => Offset + Count;

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The same page with each item turned into something else, such as a row for the view.</summary>
    public Paged<TResult> ConvertAll<TResult>(Func<T, TResult> convert) => new([.. items.Select(convert)], this);
}

public static class PagedQueries
{
    /// <summary>
    /// Counts <paramref name="filtered"/>, then reads the page nearest to <paramref name="requestedPage"/> in the order
    /// (and shape) <paramref name="order"/> gives it: two queries, with the paging done in SQL.
    /// </summary>
    public static async Task<Paged<TRow>> ToPagedAsync<T, TRow>(
        this IQueryable<T> filtered, int requestedPage, int pageSize, Func<IQueryable<T>, IQueryable<TRow>> order, CancellationToken cancellationToken)
    {
        var position = PagePosition.Nearest(requestedPage, pageSize, await filtered.CountAsync(cancellationToken));
        var items = await order(filtered).Skip(position.Offset).Take(position.PageSize).ToListAsync(cancellationToken);
        return new Paged<TRow>(items, position);
    }
}
