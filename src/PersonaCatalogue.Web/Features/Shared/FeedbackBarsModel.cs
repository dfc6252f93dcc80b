namespace PersonaCatalogue.Web.Features.Shared;

/// <summary>One answer's count as a bar: the number and percentage are text, the bar only decoration.</summary>
public record FeedbackBar(string Label, int Count, int Percent)
{
    /// <summary>A width class in 5% steps (<c>app-bar--35</c>), as the CSP allows no inline style. Any answer given shows a sliver.</summary>
    public string WidthClass
    {
        get
        {
            var step = (int)Math.Round(Percent / 5.0, MidpointRounding.AwayFromZero) * 5;
            return "app-bar--" + (Count > 0 ? Math.Max(step, 5) : 0);
        }
    }
}

/// <summary>The counts of the answers to one question, drawn by <c>_FeedbackBars.cshtml</c> as a table with bars.</summary>
public record FeedbackBarsModel(string Question, IReadOnlyList<FeedbackBar> Bars, string? Id = null)
{
    public int Total => Bars.Sum(b => b.Count);

    public static FeedbackBarsModel From(string question, IEnumerable<(string Label, int Count)> counts, string? id = null)
    {
        var list = counts.ToList();
        var total = list.Sum(c => c.Count);
        return new FeedbackBarsModel(
            question,
            list.Select(c => new FeedbackBar(c.Label, c.Count, total == 0 ? 0 : (int)Math.Round(c.Count * 100.0 / total, MidpointRounding.AwayFromZero))).ToList(),
            id);
    }
}
