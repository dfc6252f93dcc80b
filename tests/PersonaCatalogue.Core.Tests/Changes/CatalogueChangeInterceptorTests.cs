using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Changes;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Tests.Infrastructure;

namespace PersonaCatalogue.Core.Tests.Changes;

/// <summary>
/// Every save through the catalogue's DbContext tells the <see cref="ICatalogueChangeListener"/>s what changed, once it
/// is committed: checked on a real SQLite file, with the services registered as the site and the command line do.
/// </summary>
public sealed class CatalogueChangeInterceptorTests : IAsyncLifetime
{
    private TestCatalogue _catalogue = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two personas (ids 41 and 42) and two skills (ids 17 and 18) of one area, then a clean record of changes.</summary>
    public async ValueTask InitializeAsync()
    {
        _catalogue = await TestCatalogue.CreateAsync(Ct);
        await using (var scope = _catalogue.CreateScope(out var db))
        {
            var area = new SkillArea { Id = 5, Slug = "cleaning", Name = "Cleaning data", Order = 1 };
            db.SkillAreas.Add(area);
            db.Skills.AddRange(
                new Skill { Id = 17, Slug = "deduplicating", Name = "Deduplicating", Area = area, Order = 1 },
                new Skill { Id = 18, Slug = "validating", Name = "Validating", Area = area, Order = 2 });
            db.Personas.AddRange(
                new Persona { Id = 41, Slug = "robin", Name = "Robin", Role = "Designer", Order = 1 },
                new Persona { Id = 42, Slug = "kim", Name = "Kim", Role = "Analyst", Order = 2 });
            await db.SaveChangesAsync(Ct);
        }

        Assert.True(File.Exists(Path.Combine(_catalogue.Folder, "catalogue.db")), "the catalogue should be a SQLite file under the content root");
        _catalogue.Listener.Clear();
    }

    public ValueTask DisposeAsync() => _catalogue.DisposeAsync();

    private static Tool NewTool(string slug, int personaId, int skillId) => new()
    {
        Slug = slug,
        Name = "Tool " + slug,
        Url = $"https://{slug}.example.org/",
        NormalisedUrl = $"{slug}.example.org",
        Summary = "Does something useful with data.",
        Personas = [new PersonaTool { PersonaId = personaId, Why = "Needs it." }],
        Skills = [new ToolSkill { SkillId = skillId }],
    };

    private static void AssertToolsChange(CatalogueChange change, int[] personaIds, int[] skillIds)
    {
        Assert.True(change.Tools);
        Assert.False(change.Everything);
        Assert.False(change.ToolHelpfulness);
        Assert.Equal(personaIds, change.PersonaIds.Order());
        Assert.Equal(skillIds, change.SkillIds.Order());
    }

    [Fact]
    public async Task SaveChanges_NewToolLinkedToAPersonaAndASkill_TellsTheListenerOnce_WithTheirIds()
    {
        await using var scope = _catalogue.CreateScope(out var db);
        db.Tools.Add(NewTool("quokka", personaId: 41, skillId: 17));

        await db.SaveChangesAsync(Ct);

        var change = Assert.Single(_catalogue.Listener.Changes);
        AssertToolsChange(change, personaIds: [41], skillIds: [17]);
    }

    [Fact]
    public async Task SaveChanges_ToolMovedToAnotherPersona_TellsBothThePersonaItLeftAndTheOneItJoined()
    {
        await using (var scope = _catalogue.CreateScope(out var db))
        {
            db.Tools.Add(NewTool("wombat", personaId: 41, skillId: 17));
            await db.SaveChangesAsync(Ct);
        }

        _catalogue.Listener.Clear();
        await using (var scope = _catalogue.CreateScope(out var db))
        {
            var tool = await db.Tools.Include(t => t.Personas).SingleAsync(t => t.Slug == "wombat", Ct);
            tool.Personas.Clear();
            tool.Personas.Add(new PersonaTool { PersonaId = 42, Why = "Needs it more." });
            await db.SaveChangesAsync(Ct);
        }

        var change = Assert.Single(_catalogue.Listener.Changes);
        AssertToolsChange(change, personaIds: [41, 42], skillIds: [17]);
    }

    [Fact]
    public async Task SaveChanges_InsideATransaction_TellsNothingUntilItCommits()
    {
        await using var scope = _catalogue.CreateScope(out var db);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.Tools.Add(NewTool("numbat", personaId: 42, skillId: 18));
        await db.SaveChangesAsync(Ct);
        db.Tools.Add(NewTool("bilby", personaId: 41, skillId: 18));
        await db.SaveChangesAsync(Ct);

        Assert.Empty(_catalogue.Listener.Changes);

        await transaction.CommitAsync(Ct);

        // Both saves, told as one change when the transaction commits.
        var change = Assert.Single(_catalogue.Listener.Changes);
        AssertToolsChange(change, personaIds: [41, 42], skillIds: [18]);
    }

    [Fact]
    public async Task SaveChanges_InsideATransactionRolledBack_TellsNothing_AndIsNotToldWithTheNextCommit()
    {
        await using (var scope = _catalogue.CreateScope(out var db))
        {
            await using (var rolledBack = await db.Database.BeginTransactionAsync(Ct))
            {
                db.Tools.Add(NewTool("dingo", personaId: 41, skillId: 17));
                await db.SaveChangesAsync(Ct);

                await rolledBack.RollbackAsync(Ct);
            }

            Assert.Empty(_catalogue.Listener.Changes);
            db.ChangeTracker.Clear();
            await using var committed = await db.Database.BeginTransactionAsync(Ct);
            db.Tools.Add(NewTool("emu", personaId: 42, skillId: 18));
            await db.SaveChangesAsync(Ct);
            await committed.CommitAsync(Ct);
        }

        var change = Assert.Single(_catalogue.Listener.Changes);
        AssertToolsChange(change, personaIds: [42], skillIds: [18]);
        await using (var scope = _catalogue.CreateScope(out var db))
        {
            Assert.Equal(["emu"], await db.Tools.Select(t => t.Slug).ToListAsync(Ct));
        }
    }

    [Fact]
    public async Task SaveChanges_PersonaText_TellsThatEverythingChanged()
    {
        await using (var scope = _catalogue.CreateScope(out var db))
        {
            var robin = await db.Personas.SingleAsync(p => p.Id == 41, Ct);
            robin.Summary = "Designs services for a council.";
            await db.SaveChangesAsync(Ct);
        }

        var change = Assert.Single(_catalogue.Listener.Changes);
        Assert.True(change.Everything);
    }

    [Fact]
    public async Task SaveChanges_SupportNeed_TellsWhenItArrivesAndWhenItIsMarkedSpam_NotWhenItIsOnlyReviewed()
    {
        int id;
        await using (var scope = _catalogue.CreateScope(out var db))
        {
            var need = new SupportNeedFeedback { SupportNeeded = "Cleaning address data.", Areas = [new SupportNeedArea { SkillAreaId = 5 }], CreatedAt = DateTime.UtcNow };
            db.SupportNeedFeedback.Add(need);
            await db.SaveChangesAsync(Ct);
            id = need.Id;
        }

        var arrived = Assert.Single(_catalogue.Listener.Changes);
        Assert.True(arrived.SupportNeeds);
        Assert.False(arrived.Tools || arrived.Everything || arrived.ToolHelpfulness);
        Assert.False(arrived.IsEmpty);
        _catalogue.Listener.Clear();

        await using (var scope = _catalogue.CreateScope(out var db))
        {
            (await db.SupportNeedFeedback.SingleAsync(f => f.Id == id, Ct)).Status = FeedbackStatus.Reviewed;
            await db.SaveChangesAsync(Ct);
        }

        Assert.DoesNotContain(_catalogue.Listener.Changes, c => c.SupportNeeds);

        await using (var scope = _catalogue.CreateScope(out var db))
        {
            (await db.SupportNeedFeedback.SingleAsync(f => f.Id == id, Ct)).Status = FeedbackStatus.Spam;
            await db.SaveChangesAsync(Ct);
        }

        Assert.True(Assert.Single(_catalogue.Listener.Changes).SupportNeeds);
    }
}
