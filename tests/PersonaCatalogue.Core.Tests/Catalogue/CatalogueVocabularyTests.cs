using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Changes;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Tests.Infrastructure;

namespace PersonaCatalogue.Core.Tests.Catalogue;

/// <summary>
/// The vocabulary is read once and kept, and read again only after a change to everything: the catalogue's own saves
/// tell it through the change interceptor, as <c>AddCatalogue</c> registers it.
/// </summary>
public sealed class CatalogueVocabularyTests : IAsyncLifetime
{
    private TestCatalogue _catalogue = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CatalogueVocabulary Vocabulary => _catalogue.Services.GetRequiredService<CatalogueVocabulary>();

    public async ValueTask InitializeAsync()
    {
        _catalogue = await TestCatalogue.CreateAsync(Ct);
        await using var scope = _catalogue.CreateScope(out var db);
        var area = new SkillArea { Slug = "cleaning", Name = "Cleaning data", Order = 1 };
        db.Skills.AddRange(
            new Skill { Slug = "validating", Name = "Validating", Area = area, Order = 2 },
            new Skill { Slug = "deduplicating", Name = "Deduplicating", Area = area, Order = 1 });
        db.Personas.AddRange(
            new Persona { Slug = "kim", Name = "Kim", Role = "Analyst", Order = 2 },
            new Persona { Slug = "robin", Name = "Robin", Role = "Designer", Order = 1 });
        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync() => _catalogue.DisposeAsync();

    private async Task<Vocabulary> GetAsync()
    {
        await using var scope = _catalogue.CreateScope(out var db);
        return await Vocabulary.GetAsync(db, Ct);
    }

    /// <summary>Renames Robin straight in the database: ExecuteUpdate goes round the change interceptor, so nobody is told.</summary>
    private async Task RenameRobinUntoldAsync(string role)
    {
        await using var scope = _catalogue.CreateScope(out var db);
        Assert.Equal(1, await db.Personas.Where(p => p.Slug == "robin").ExecuteUpdateAsync(s => s.SetProperty(p => p.Role, role), Ct));
    }

    private static List<(string, string)> Personas(Vocabulary vocabulary) => [.. vocabulary.Personas.Select(p => (p.Value, p.Label))];

    [Fact]
    public async Task GetAsync_ReadsPersonasAndSkillsInTheirOrder()
    {
        var vocabulary = await GetAsync();

        Assert.Equal([("robin", "Robin, Designer"), ("kim", "Kim, Analyst")], Personas(vocabulary));
        var area = Assert.Single(vocabulary.Areas);
        Assert.Equal(("cleaning", "Cleaning data"), (area.Value, area.Label));
        Assert.Equal([("deduplicating", "Deduplicating"), ("validating", "Validating")], area.Skills.Select(s => (s.Value, s.Label)));
    }

    [Fact]
    public async Task GetAsync_ServesWhatItRead_UntilAChangeToEverythingArrives()
    {
        var first = await GetAsync();
        await RenameRobinUntoldAsync("Service designer");

        Assert.Same(first, await GetAsync());

        // Changes that leave the vocabulary alone keep it.
        await Vocabulary.CatalogueChangedAsync(new CatalogueChange { Tools = true, PersonaIds = new HashSet<int> { 1 }, SkillIds = new HashSet<int> { 1 } }, Ct);
        await Vocabulary.CatalogueChangedAsync(new CatalogueChange { ToolHelpfulness = true }, Ct);
        Assert.Same(first, await GetAsync());

        await Vocabulary.CatalogueChangedAsync(new CatalogueChange { Everything = true }, Ct);

        var reread = await GetAsync();
        Assert.NotSame(first, reread);
        Assert.Equal([("robin", "Robin, Service designer"), ("kim", "Kim, Analyst")], Personas(reread));
        Assert.Same(reread, await GetAsync());
    }

    [Fact]
    public async Task GetAsync_AfterAToolIsSaved_StillServesWhatItRead()
    {
        var first = await GetAsync();
        await RenameRobinUntoldAsync("Service designer");
        await using (var scope = _catalogue.CreateScope(out var db))
        {
            var robin = await db.Personas.SingleAsync(p => p.Slug == "robin", Ct);
            var validating = await db.Skills.SingleAsync(s => s.Slug == "validating", Ct);
            db.Tools.Add(new Tool
            {
                Slug = "quokka",
                Name = "Quokka",
                Url = "https://quokka.example.org/",
                Personas = [new PersonaTool { PersonaId = robin.Id }],
                Skills = [new ToolSkill { SkillId = validating.Id }],
            });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Single(_catalogue.Listener.Changes, change => change.Tools);
        Assert.Same(first, await GetAsync());
    }

    [Fact]
    public async Task GetAsync_AfterAPersonaIsSavedThroughTheCatalogue_ReadsAgain()
    {
        var first = await GetAsync();
        await using (var scope = _catalogue.CreateScope(out var db))
        {
            db.Personas.Add(new Persona { Slug = "ash", Name = "Ash", Role = "Clerk", Order = 3 });
            await db.SaveChangesAsync(Ct);
        }

        var reread = await GetAsync();

        Assert.NotSame(first, reread);
        Assert.Equal([("robin", "Robin, Designer"), ("kim", "Kim, Analyst"), ("ash", "Ash, Clerk")], Personas(reread));
    }
}
