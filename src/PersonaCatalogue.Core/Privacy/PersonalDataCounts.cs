using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Privacy;

/// <summary>How many rows of each kind hold (or held) someone's personal data: what retention or erasure changes.</summary>
public sealed record PersonalDataCounts(int Suggestions, int PersonaFeedback, int ToolFeedback, int MissingPersona, int SupportNeeds, int Emails)
{
    public int Total => Suggestions + PersonaFeedback + ToolFeedback + MissingPersona + SupportNeeds + Emails;

    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"  Tool suggestions        {Suggestions,6}");
        output.WriteLine($"  Persona feedback        {PersonaFeedback,6}");
        output.WriteLine($"  Tool feedback           {ToolFeedback,6}");
        output.WriteLine($"  Missing personas        {MissingPersona,6}");
        output.WriteLine($"  Support needs           {SupportNeeds,6}");
        output.WriteLine($"  Emails in the outbox    {Emails,6}");
    }
}

/// <summary>
/// The personal fields the catalogue keeps, and how they are blanked: a suggester's name, email address and
/// organisation, a feedback giver's email address, and the emails written to either (the outbox). The rows stay, so
/// counts, decisions and published comments are kept without the person.
/// </summary>
internal static class PersonalFields
{
    public static async Task<PersonalDataCounts> CountAsync(
        IQueryable<ToolSuggestion> suggestions, IQueryable<FeedbackItem> feedback, IQueryable<OutboxMessage> emails, CancellationToken cancellationToken)
    {
        var byKind = await feedback.GroupBy(f => f.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(FeedbackKind kind) => byKind.Where(k => k.Kind == kind).Sum(k => k.Count);
        return new PersonalDataCounts(
            await suggestions.CountAsync(cancellationToken),
            Of(FeedbackKind.Persona), Of(FeedbackKind.Tool), Of(FeedbackKind.MissingPersona), Of(FeedbackKind.SupportNeed),
            await emails.CountAsync(cancellationToken));
    }

    public static async Task BlankAsync(
        IQueryable<ToolSuggestion> suggestions, IQueryable<FeedbackItem> feedback, IQueryable<OutboxMessage> emails, CancellationToken cancellationToken)
    {
        await suggestions.ExecuteUpdateAsync(u => u
            .SetProperty(s => s.SuggesterName, (string?)null)
            .SetProperty(s => s.SuggesterEmail, (string?)null)
            .SetProperty(s => s.SuggesterOrganisation, (string?)null), cancellationToken);
        await feedback.ExecuteUpdateAsync(u => u.SetProperty(f => f.Email, (string?)null), cancellationToken);
        // An email is nothing without its address: it goes, sent or not.
        await emails.ExecuteDeleteAsync(cancellationToken);
    }

    public static string KindName(FeedbackKind kind) => kind switch
    {
        FeedbackKind.Persona => "Persona feedback",
        FeedbackKind.Tool => "Tool feedback",
        FeedbackKind.MissingPersona => "Missing persona",
        _ => "Support need",
    };
}
