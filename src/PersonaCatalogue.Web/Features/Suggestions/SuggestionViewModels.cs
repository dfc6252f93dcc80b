using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Features.Tools;

namespace PersonaCatalogue.Web.Features.Suggestions;

/// <summary>The form with what the suggester typed, and the personas and skills to tick.</summary>
public record SuggestToolPage(SuggestToolForm Form, Vocabulary Options)
{
    public IReadOnlyList<VocabularyTerm> WhoItHelps =>
        [.. Options.Personas, new VocabularyTerm(SuggestToolForm.SomeoneElseValue, "Someone else")];

    public static IReadOnlyList<RadioOption> Costs =>
        [.. ToolTerms.Costs.Select(c => new RadioOption(c.Slug, c.Label)), new RadioOption(SuggestToolForm.NotSureCost, "Not sure")];
}

public record SuggestionConfirmation(string Reference, string StatusUrl);

public record SuggestionStatusPage(
    string Reference, string ToolName, string Url, string WhatItDoes, SuggestionStatus Status, string? Reason,
    DateTime CreatedAt, string? ToolSlug, string? PublishedToolName)
{
    public TagModel Tag => Status switch
    {
        SuggestionStatus.Submitted => new TagModel("Waiting for review", "blue"),
        SuggestionStatus.Approved => new TagModel("Published", "green"),
        SuggestionStatus.Rejected => new TagModel("Not accepted", "red"),
        SuggestionStatus.Duplicate => new TagModel("Already in the catalogue", "grey"),
        _ => throw new ArgumentOutOfRangeException(nameof(Status), Status, null),
    };
}
