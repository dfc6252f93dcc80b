using System.Text;
using PersonaCatalogue.Core.Catalogue;

namespace PersonaCatalogue.Web.Features.SelfAssessment;

/// <summary>
/// A person's answers as they travel in the address, so nothing is stored: one parameter per skill area, named by the
/// area's slug, with one letter per skill in the framework's order (<c>n</c> new to this, <c>a</c> aware of it,
/// <c>c</c> can do it), e.g. <c>?introductions=acnn&amp;business=nna</c>. An area whose value is missing, the wrong
/// length or holds another letter counts as not answered.
/// </summary>
public sealed class AssessmentAnswers
{
    public const string PersonaParameter = "persona";

    /// <summary>The answer choices, in the order the radios show them: letter in the address, radio value and words.</summary>
    public static readonly IReadOnlyList<(SkillDepth Depth, char Letter, string Value, string Label)> Choices =
    [
        (SkillDepth.None, 'n', "new", "New to this"),
        (SkillDepth.Awareness, 'a', "aware", "Aware of it"),
        (SkillDepth.Practitioner, 'c', "can-do", "Can do it"),
    ];

    private readonly Dictionary<string, string> _areas;

    private AssessmentAnswers(SkillNeeds framework, Dictionary<string, string> areas)
    {
        Framework = framework;
        _areas = areas;
    }

    public SkillNeeds Framework { get; }

    /// <summary>The answered areas' letters, read from a query string; anything unreadable is left out.</summary>
    public static AssessmentAnswers Read(SkillNeeds framework, IQueryCollection query)
    {
        var areas = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var area in framework.Areas)
        {
            if (query.TryGetValue(area.Slug, out var values) && values.Count == 1 && values[0] is { } letters
                && letters.Length == area.Skills.Count && letters.All(l => Choices.Any(c => c.Letter == l)))
            {
                areas[area.Slug] = letters;
            }
        }

        return new AssessmentAnswers(framework, areas);
    }

    public bool IsAnswered(FrameworkArea area) => _areas.ContainsKey(area.Slug);

    /// <summary>The first area without a readable answer, or null when every area is answered.</summary>
    public FrameworkArea? FirstUnanswered => Framework.Areas.FirstOrDefault(a => !IsAnswered(a));

    /// <summary>The radio value of a skill's answer, or null when its area is not answered.</summary>
    public string? ValueFor(FrameworkArea area, int skillIndex) =>
        _areas.TryGetValue(area.Slug, out var letters) ? Choices.Single(c => c.Letter == letters[skillIndex]).Value : null;

    /// <summary>Every skill's answer; only meaningful when every area is answered.</summary>
    public Dictionary<string, SkillDepth> Depths() =>
        Framework.Areas
            .Where(IsAnswered)
            .SelectMany(a => a.Skills.Select((s, i) => (s.Slug, Choices.Single(c => c.Letter == _areas[a.Slug][i]).Depth)))
            .ToDictionary(s => s.Slug, s => s.Depth, StringComparer.Ordinal);

    /// <summary>These answers with one area's answered as the radio values given, in skill order.</summary>
    public AssessmentAnswers With(FrameworkArea area, IReadOnlyList<string> values)
    {
        var letters = new string(values.Select(v => Choices.Single(c => c.Value == v).Letter).ToArray());
        return new AssessmentAnswers(Framework, new Dictionary<string, string>(_areas, StringComparer.Ordinal) { [area.Slug] = letters });
    }

    /// <summary>The answered areas as name and value pairs, in the framework's order, for hidden fields of a GET form.</summary>
    public IEnumerable<KeyValuePair<string, string>> Parameters(FrameworkArea? except = null) =>
        Framework.Areas.Where(a => a != except && IsAnswered(a)).Select(a => KeyValuePair.Create(a.Slug, _areas[a.Slug]));

    /// <summary>A path on the site with these answers (and any other parameters) as its query string.</summary>
    public string Url(string path, params (string Name, string Value)[] extra)
    {
        var url = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in Parameters().Concat(extra.Select(e => KeyValuePair.Create(e.Name, e.Value))))
        {
            url.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return url.ToString();
    }

    public static string LabelOf(SkillDepth depth) => Choices.Single(c => c.Depth == depth).Label;
}
