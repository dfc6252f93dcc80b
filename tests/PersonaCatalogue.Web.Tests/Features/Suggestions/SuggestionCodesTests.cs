using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Suggestions;

namespace PersonaCatalogue.Web.Tests.Features.Suggestions;

public class SuggestionCodesTests(SuggestionAppFactory app) : IClassFixture<SuggestionAppFactory>
{
    [Fact]
    public void NewReference_UsesOnlyTheUnambiguousAlphabet()
    {
        var references = Enumerable.Range(0, 1000).Select(_ => SuggestionCodes.NewReference()).ToList();

        Assert.All(references, r => Assert.Matches("^TS-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}$", r));
        Assert.True(references.Distinct().Count() > 990);
    }

    [Fact]
    public void NewStatusToken_Is256BitsOfBase64Url()
    {
        var token = SuggestionCodes.NewStatusToken();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(token).Length);
        Assert.NotEqual(token, SuggestionCodes.NewStatusToken());
    }

    [Fact]
    public async Task SaveAsync_ReferenceAlreadyTaken_SavesWithAFreshOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var taken = await SuggestionAnswers.CreateAsync(app);
        var fresh = SuggestionCodes.NewReference();
        var offered = new Queue<string>([taken.Reference, fresh]);

        await using var db = app.CreateDbContext();
        var suggestion = NewSuggestion(taken.Reference);
        db.ToolSuggestions.Add(suggestion);
        await SuggestionCodes.SaveAsync(db, suggestion, ct, offered.Dequeue);

        await using var check = app.CreateDbContext();
        var stored = await check.ToolSuggestions.SingleAsync(s => s.ToolName == suggestion.ToolName, ct);
        Assert.Equal(fresh, stored.Reference);
        Assert.Equal(suggestion.StatusToken, stored.StatusToken);
    }

    [Fact]
    public async Task SaveAsync_ReferencesAlwaysTaken_GivesUpAfterAFewAttempts()
    {
        var taken = await SuggestionAnswers.CreateAsync(app);

        await using var db = app.CreateDbContext();
        var suggestion = NewSuggestion(taken.Reference);
        db.ToolSuggestions.Add(suggestion);
        var attempts = 1;

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            SuggestionCodes.SaveAsync(db, suggestion, TestContext.Current.CancellationToken, () => { attempts++; return taken.Reference; }));
        Assert.Equal(SuggestionCodes.MaxSaveAttempts, attempts);
    }

    private static ToolSuggestion NewSuggestion(string reference) => new()
    {
        Reference = reference,
        StatusToken = SuggestionCodes.NewStatusToken(),
        ToolName = SuggestionAnswers.UniqueName(),
        Url = "https://example.org/",
        NormalisedUrl = UrlNormaliser.Normalise("https://example.org/"),
        WhatItDoes = "Something useful with data.",
        CreatedAt = DateTime.UtcNow,
    };
}
