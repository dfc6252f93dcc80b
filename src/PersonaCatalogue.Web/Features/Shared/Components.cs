namespace PersonaCatalogue.Web.Features.Shared;

/// <summary>View models of the shared GOV.UK component partials in <c>Features/Shared/Components/</c>.</summary>
public record NavItem(string Text, string Href, bool Current);

public record Breadcrumb(string Text, string? Href);

public record TagModel(string Text, string? Colour = null);

public record SummaryRow(string Key, string Value, string? Href = null);

/// <summary>GOV.UK pagination. <paramref name="PageHref"/> builds the link for a page number.</summary>
public record PaginationModel(int Page, int PageCount, Func<int, string> PageHref)
{
    /// <summary>Page numbers to show, with null for a gap: 1 … 4 5 6 … 12.</summary>
    public IEnumerable<int?> Items()
    {
        int? previous = null;
        for (var p = 1; p <= PageCount; p++)
        {
            if (p == 1 || p == PageCount || Math.Abs(p - Page) <= 1)
            {
                if (previous is not null && p - previous > 1)
                {
                    yield return null;
                }

                yield return p;
                previous = p;
            }
        }
    }
}

public record FilterOption(string Value, string Label);

/// <summary>A group of GOV.UK small check boxes in a GET filter form; <paramref name="Name"/> is the query parameter.</summary>
public record FilterCheckboxes(string Legend, string Name, IReadOnlyList<FilterOption> Options, IReadOnlyCollection<string> Checked);
