using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>The ids of one person's suggestion and feedback of every kind, all holding their email address.</summary>
public record PersonalDataSet(string Email, int SuggestionId, string Reference, int PersonaFeedbackId, int ToolFeedbackId, int MissingPersonaId, int SupportNeedId)
{
    public int[] FeedbackIds => [PersonaFeedbackId, ToolFeedbackId, MissingPersonaId, SupportNeedId];
}

public static class PersonalDataTestData
{
    /// <summary>
    /// A suggestion with a name, email address and organisation, and one feedback item of each kind with the address,
    /// all sent at <paramref name="sentAt"/>. "Did this tool help you?" asks for no address, but its row can hold one,
    /// so it is given one here to show that retention would blank it too.
    /// </summary>
    public static async Task<PersonalDataSet> CreatePersonalDataAsync(this CatalogueAppFactory app, DateTime sentAt, string? email = null)
    {
        var address = email ?? TestData.Unique("person") + "@example.org";
        var suggestion = await app.CreateSuggestionAsync(createdAt: sentAt);
        var persona = await app.CreatePersonaAsync();
        var tool = await app.CreateToolAsync();
        var personaFeedback = await app.CreatePersonaFeedbackAsync(persona, email: address, consent: true, published: true, createdAt: sentAt);
        var toolFeedback = await app.CreateToolFeedbackAsync(tool, createdAt: sentAt);
        var missing = await app.CreateMissingPersonaAsync(email: address, createdAt: sentAt);
        var need = await app.CreateSupportNeedAsync(email: address, areas: ["management"], createdAt: sentAt);

        await using var db = app.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        await db.ToolSuggestions.Where(s => s.Id == suggestion.Id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.SuggesterName, "Sam Jones")
            .SetProperty(s => s.SuggesterEmail, address)
            .SetProperty(s => s.SuggesterOrganisation, "Devon County Council"), ct);
        await db.ToolFeedback.Where(f => f.Id == toolFeedback.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.Email, address), ct);
        return new PersonalDataSet(address, suggestion.Id, suggestion.Reference, personaFeedback.Id, toolFeedback.Id, missing.Id, need.Id);
    }

    /// <summary>The personal fields of the set as stored now: the suggester's three, then each feedback item's email.</summary>
    public static async Task<List<string?>> PersonalFieldsAsync(this CatalogueAppFactory app, PersonalDataSet set)
    {
        await using var db = app.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        var s = await db.ToolSuggestions.AsNoTracking().SingleAsync(x => x.Id == set.SuggestionId, ct);
        var emails = await db.Feedback.AsNoTracking().Where(f => set.FeedbackIds.Contains(f.Id)).OrderBy(f => f.Id).Select(f => f.Email).ToListAsync(ct);
        return [s.SuggesterName, s.SuggesterEmail, s.SuggesterOrganisation, .. emails];
    }
}
