using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Shared;

/// <summary>View models of the shared GOV.UK component partials in <c>Features/Shared/Components/</c>.</summary>
public record NavItem(string Text, string Href, bool Current);

public record Breadcrumb(string Text, string? Href);

public record TagModel(string Text, string? Colour = null);

/// <summary>The "Our reading" label on content written for this catalogue, with a short <paramref name="Explanation"/> of what is ours.</summary>
public record OurReadingModel(string Explanation);

public record SummaryRow(string Key, string Value, string? Href = null);

/// <summary>GOV.UK pagination for the list at <paramref name="Position"/>. <paramref name="PageHref"/> builds the link for a page number.</summary>
public record PaginationModel(PagePosition Position, Func<int, string> PageHref)
{
    /// <summary>Page numbers to show, with null for a gap: 1 … 4 5 6 … 12.</summary>
    public IEnumerable<int?> Items()
    {
        int? previous = null;
        for (var p = 1; p <= Position.PageCount; p++)
        {
            if (p == 1 || p == Position.PageCount || Math.Abs(p - Position.Page) <= 1)
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

/// <summary>
/// GOV.UK check boxes: small ones in a GET filter form, normal ones (with hint and error) in a POST form.
/// <paramref name="Name"/> is the field name; the first box's id is the name, so the error summary can link to it.
/// When one field is split into several groups (skills by area), only one group sets <paramref name="ShowError"/>,
/// so the inline error and its id appear once.
/// </summary>
public record CheckboxesModel(string Legend, string Name, IReadOnlyList<VocabularyTerm> Options, IReadOnlyCollection<string> Checked, string? Hint = null, bool Small = false, string LegendSize = "m", string? IdPrefix = null, bool ShowError = true)
{
    public string Id(int index) => (IdPrefix ?? Name) + (index == 0 ? "" : $"-{index + 1}");
}

public record TextInputModel(string Name, string Label, string? Value, string? Hint = null, string Type = "text", string? Autocomplete = null, string Width = "", bool Spellcheck = true, string LabelSize = "m");

public record TextareaModel(string Name, string Label, string? Value, string? Hint = null, int Rows = 5, int? MaxLength = null, string LabelSize = "m");

public record RadioOption(string Value, string Label, string? Hint = null);

public record RadiosModel(string Legend, string Name, IReadOnlyList<RadioOption> Options, string? Selected, string? Hint = null, bool Inline = false, string LegendSize = "m");
