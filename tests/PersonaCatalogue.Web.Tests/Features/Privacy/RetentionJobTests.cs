using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Privacy;

/// <summary>The site's daily retention job, on a clock the test moves (Privacy:RetentionMonths is 12 by default).</summary>
public class RetentionJobTests(ClockedAppFactory app) : IClassFixture<ClockedAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachDay_BlanksPersonalDataOlderThanTheLimit_KeepsEverythingElse_AndAuditsEachRunOnce()
    {
        var start = app.Clock.GetUtcNow().UtcDateTime;
        // Young enough for the run at start, a day too old for the next: only the daily run can blank it.
        var old = await app.CreatePersonalDataAsync(start.AddMonths(-12).AddHours(12));
        var young = await app.CreatePersonalDataAsync(start.AddMonths(-11));
        var oldEmail = await AddEmailAsync(old, start.AddMonths(-12).AddHours(12));
        var youngEmail = await AddEmailAsync(young, start.AddMonths(-11));

        app.Clock.Advance(TimeSpan.FromDays(1));
        await Eventually.UntilAsync(async () => (await RetentionAuditAsync()).Count == 1, "the next day's retention run");

        Assert.Equal([null, null, null, null, null, null, null], await app.PersonalFieldsAsync(old));
        Assert.Equal(
            ["Sam Jones", young.Email, "Devon County Council", young.Email, young.Email, young.Email, young.Email],
            await app.PersonalFieldsAsync(young));
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Id == oldEmail, Ct));
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.Id == youngEmail, Ct));

            // Everything but the person stays: the suggestion, the answers, the published comment.
            var suggestion = await db.ToolSuggestions.AsNoTracking().SingleAsync(s => s.Id == old.SuggestionId, Ct);
            Assert.Equal(old.Reference, suggestion.Reference);
            Assert.Equal("Helps teams publish tidy spreadsheets as open data.", suggestion.WhatItDoes);
            var comment = await db.PersonaFeedback.AsNoTracking().Include(f => f.Persona).SingleAsync(f => f.Id == old.PersonaFeedbackId, Ct);
            Assert.Equal("It needs more about procurement.", comment.MissingOrWrong);
            Assert.True(comment.CommentPublished);
            Assert.Contains("It needs more about procurement.", (await app.GetDocumentAsync($"/personas/{comment.Persona.Slug}")).Body!.TextContent);
            Assert.Equal("Finding open data about schools.", (await db.ToolFeedback.AsNoTracking().SingleAsync(f => f.Id == old.ToolFeedbackId, Ct)).WhatItHelpedWith);
            Assert.Equal("Buys services for the council.", (await db.MissingPersonaFeedback.AsNoTracking().SingleAsync(f => f.Id == old.MissingPersonaId, Ct)).WhatTheyDo);
            Assert.Equal(1, await db.SupportNeedAreas.CountAsync(a => a.FeedbackId == old.SupportNeedId, Ct));
        }

        var audit = Assert.Single(await RetentionAuditAsync());
        Assert.Equal("system", audit.UserEmail);
        Assert.Equal(6, JsonDocument.Parse(audit.Details).RootElement.GetProperty("rows").GetInt32());
        Assert.DoesNotContain(old.Email, audit.Details);

        // A day later the job runs again, and blanks what has grown too old since.
        var next = await app.CreatePersonalDataAsync(start.AddDays(1).AddMonths(-12).AddHours(12));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await Eventually.UntilAsync(async () => (await RetentionAuditAsync()).Count == 2, "the retention run on the day after");
        Assert.Equal([null, null, null, null, null, null, null], await app.PersonalFieldsAsync(next));
        Assert.Equal(5, JsonDocument.Parse((await RetentionAuditAsync())[1].Details).RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(young.Email, (await app.PersonalFieldsAsync(young))[1]);
    }

    private async Task<long> AddEmailAsync(PersonalDataSet set, DateTime createdAt)
    {
        await using var db = app.CreateDbContext();
        var message = new OutboxMessage
        {
            To = set.Email,
            Subject = "Your suggestion",
            Body = "Hello",
            SuggestionId = set.SuggestionId,
            Status = OutboxStatus.Sent,
            CreatedAt = createdAt,
            NextAttemptAt = createdAt,
            SentAt = createdAt,
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(Ct);
        return message.Id;
    }

    private async Task<List<AuditEvent>> RetentionAuditAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action == "personal-data.retention").OrderBy(e => e.Id).ToListAsync(Ct);
    }
}
