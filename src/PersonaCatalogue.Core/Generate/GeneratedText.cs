using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Generate;

/// <summary>
/// Word lists and sentence patterns for generated tools: names like "Civic Housing Atlas", with a summary and
/// description about the same topic, so a keyword search finds a realistic share of the catalogue.
/// The benchmark's search terms (bench/filtered.lua) are words from <see cref="Topics"/>.
/// </summary>
public static class GeneratedText
{
    public static readonly string[] Prefixes =
    [
        "Open", "Civic", "Local", "Shared", "Public", "Clear", "Common", "Bright", "Northern", "Coastal",
        "Metro", "Rural", "Community", "Citizen", "Linked", "Simple", "Regional", "Neighbourhood", "Urban", "County",
    ];

    public static readonly string[] Topics =
    [
        "Housing", "Transport", "Schools", "Health", "Waste", "Planning", "Budget", "Grants", "Air Quality", "Flood",
        "Library", "Parks", "Energy", "Social Care", "Licensing", "Procurement", "Census", "Elections", "Crime", "Jobs",
        "Tourism", "Water", "Broadband", "Benefits", "Childcare", "Heritage", "Farming", "Cycling", "Bus", "Roads",
        "Noise", "Trees", "Recycling", "Parking", "Homelessness",
    ];

    private static readonly Dictionary<ToolKind, string[]> _nouns = new()
    {
        [ToolKind.Guide] = ["Guide", "Handbook", "Playbook", "Primer"],
        [ToolKind.CanvasOrTemplate] = ["Canvas", "Template", "Worksheet", "Card Deck"],
        [ToolKind.Software] = ["Studio", "Toolkit", "Notebook", "Cleaner"],
        [ToolKind.WebService] = ["Explorer", "Checker", "Lens", "Tracker"],
        [ToolKind.DataPortal] = ["Datastore", "Data Hub", "Portal", "Observatory"],
        [ToolKind.DataStandard] = ["Data Standard", "Schema", "Specification", "Vocabulary"],
        [ToolKind.Course] = ["Course", "Academy", "Bootcamp", "Masterclass"],
        [ToolKind.Community] = ["Network", "Meetup", "Forum", "Collective"],
    };

    public static readonly string[] Publishers =
    [
        "Northmoor City Council", "Civic Data Co-operative", "Open Places Trust", "Data for Good Network",
        "Riverside Analytics", "The Public Data Lab", "Harbour Digital", "Shire Innovation Unit", "Commonplace Research",
        "Local Insight Partnership", "Westvale District Council", "Open Knowledge Circle", "Service Design Collective",
        "Evidence for Places", "Greenfield University", "The Data Skills Trust", "Midlands Data Exchange",
        "Coastal Councils Partnership", "Digital Public Works", "Neighbourhood Statistics Project",
    ];

    private static readonly Dictionary<ToolKind, string[]> _summaries = new()
    {
        [ToolKind.Guide] =
        [
            "Explains, step by step, how to find and use {topic} data when planning a service.",
            "A practical guide to publishing {topic} data openly, with examples from councils.",
        ],
        [ToolKind.CanvasOrTemplate] =
        [
            "A one-page canvas for mapping who holds {topic} data and who could use it.",
            "A template for agreeing what {topic} data a project needs before it starts.",
        ],
        [ToolKind.Software] =
        [
            "Cleans and joins {topic} spreadsheets so they are ready for analysis or publication.",
            "Turns {topic} records into charts and maps that non-specialists can read.",
        ],
        [ToolKind.WebService] =
        [
            "Checks {topic} data files against a schema and explains each problem it finds.",
            "Shows {topic} figures for any area on a map, with downloads for every view.",
        ],
        [ToolKind.DataPortal] =
        [
            "Brings together {topic} datasets from local and national publishers in one searchable place.",
            "Publishes {topic} statistics for every ward, updated each quarter under an open licence.",
        ],
        [ToolKind.DataStandard] =
        [
            "A shared format for {topic} data, so records from different organisations can be compared.",
            "Defines the fields and codes for publishing {topic} data consistently.",
        ],
        [ToolKind.Course] =
        [
            "A short course on using {topic} data to make and explain service decisions.",
            "Free lessons on finding, checking and sharing {topic} data, at your own pace.",
        ],
        [ToolKind.Community] =
        [
            "A network of people who publish and use {topic} data in the public sector.",
            "Regular meetups where service teams share what they learned from {topic} data.",
        ],
    };

    private static readonly string[] _audiences =
    [
        "service designers", "analysts in local government", "budget holders", "community organisers",
        "policy teams", "delivery managers", "researchers", "volunteers",
    ];

    private static readonly string[] _whys =
    [
        "{name} can see the {topic} data behind a decision before committing the budget.",
        "It gives {name} a quick way to check {topic} figures with colleagues.",
        "{name} can point partners to one place for {topic} data.",
        "It helps {name} explain {topic} trends to people who are not data specialists.",
    ];

    /// <summary>Every prefix, topic and noun combination (about 22,000), shuffled.</summary>
    public static List<(string Name, string Topic, ToolKind Kind)> Names(Random random) =>
        [.. (from prefix in Prefixes
             from topic in Topics
             from kind in _nouns
             from noun in kind.Value
             select ($"{prefix} {topic} {noun}", topic, kind.Key))
            .OrderBy(_ => random.Next())];

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Mostly free, as in the seed catalogue.</summary>
    public static ToolCost Cost(Random random) => random.Next(10) switch
    {
        < 6 => ToolCost.Free,
        < 8 => ToolCost.Freemium,
        _ => ToolCost.Paid,
    };

    public static string Summary(Random random, string topic, ToolKind kind)
    {
        var summary = Pick(random, _summaries[kind]).Replace("{topic}", topic.ToLowerInvariant());
        return summary.Length <= FieldLengths.Summary ? summary : summary[..FieldLengths.Summary];
    }

    public static string Description(Random random, string name, string topic, string publisher, ToolCost cost)
    {
        var audience = Pick(random, _audiences);
        var price = cost switch
        {
            ToolCost.Free => "It is free to use.",
            ToolCost.Freemium => "The core features are free; larger teams can pay for more.",
            _ => "It needs a paid licence.",
        };
        return $"""
            {name} is used by {audience} working with {topic.ToLowerInvariant()} data. It keeps the source of every figure visible, so people can check where a number came from.

            {publisher} looks after it and answers questions through its help pages. {price}
            """;
    }

    public static string Why(Random random, string personaName, string topic) =>
        Pick(random, _whys).Replace("{name}", personaName).Replace("{topic}", topic.ToLowerInvariant());
}
