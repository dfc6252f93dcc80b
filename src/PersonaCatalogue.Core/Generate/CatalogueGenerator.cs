using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Generate;

/// <summary>
/// Fills a benchmark database with plausible generated tools, on top of the seed catalogue, so the tools list and
/// search can be measured at a size the real catalogue may reach. Deterministic for a given random seed and
/// starting database, so two benchmark runs measure the same data. Never for a database with real submissions.
/// </summary>
public partial class CatalogueGenerator(CatalogueDbContext db, TimeProvider clock)
{
    /// <summary>The <see cref="Tool.Source"/> of generated tools, so they are told apart from seed and moderated ones.</summary>
    public const string Source = "generated";

    /// <summary>Tools are added in chunks so change tracking stays small; all chunks commit in one transaction.</summary>
    private const int ChunkSize = 2000;

    /// <param name="progress">Told how many tools are stored, after each chunk.</param>
    public async Task<GenerateReport> GenerateAsync(int toolCount, int randomSeed, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toolCount);
        if (await RefusalAsync(cancellationToken) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        var skillIds = await db.Skills.OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        var personas = await db.Personas.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        if (skillIds.Count == 0)
        {
            throw new InvalidOperationException("The database has no skills: import the seed catalogue first.");
        }

        var stopwatch = Stopwatch.StartNew();
        var random = new Random(randomSeed);
        var takenSlugs = (await db.Tools.Select(t => t.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var names = GeneratedText.Names(random);
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var report = new GenerateReport();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < toolCount; i++)
        {
            var (name, topic, kind) = names[i % names.Count];
            var round = i / names.Count;
            if (round > 0)
            {
                name = $"{name} {round + 1}";
            }

            var slug = UniqueSlug(name, takenSlugs);
            var url = $"https://{slug}.example.org/";
            var publisher = GeneratedText.Pick(random, GeneratedText.Publishers);
            var cost = GeneratedText.Cost(random);
            var addedAt = today.AddDays(-random.Next(1, 8 * 365)).AddMinutes(random.Next(0, 24 * 60));
            var reviewedAt = addedAt.AddDays(random.Next(0, 120));
            var tool = new Tool
            {
                Slug = slug,
                Name = name,
                Url = url,
                NormalisedUrl = UrlNormaliser.Normalise(url),
                Summary = GeneratedText.Summary(random, topic, kind),
                Description = GeneratedText.Description(random, name, topic, publisher, cost),
                Kind = kind,
                Cost = cost,
                // Yes, no and, for about one tool in six, not known, as in the seed catalogue.
                IsOpen = random.Next(6) == 0 ? null : cost != ToolCost.Paid && random.Next(3) > 0,
                Publisher = publisher,
                Status = ToolStatus.Published,
                AddedAt = addedAt,
                // Some tools have never been reviewed, as in a real catalogue.
                LastReviewedAt = reviewedAt < today && random.Next(4) > 0 ? reviewedAt : null,
                Source = Source,
                Skills = [.. Distinct(random, skillIds, 1, 4).Select(id => new ToolSkill { SkillId = id })],
                Personas = [.. Distinct(random, personas, 0, 3).Select(p => new PersonaTool { PersonaId = p.Id, Why = GeneratedText.Why(random, p.Name, topic) })],
            };
            db.Tools.Add(tool);
            report.Tools++;
            report.SkillLinks += tool.Skills.Count;
            report.PersonaLinks += tool.Personas.Count;

            if ((i + 1) % ChunkSize == 0 || i == toolCount - 1)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                progress?.Report(i + 1);
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await transaction.CommitAsync(cancellationToken);
        report.Elapsed = stopwatch.Elapsed;
        return report;
    }

    /// <summary>Why this database must not be filled with generated tools, or null when it may.</summary>
    public async Task<string?> RefusalAsync(CancellationToken cancellationToken = default) =>
        await db.ToolSuggestions.AnyAsync(cancellationToken) || await db.Feedback.AnyAsync(cancellationToken)
            ? "This database holds tool suggestions or feedback, so it is not a benchmark database: nothing was generated. " +
              "Point Database__Path at a new file."
            : null;

    private static string UniqueSlug(string name, HashSet<string> taken)
    {
        var stem = NotSlugCharacters().Replace(name.ToLowerInvariant(), "-").Trim('-');
        var slug = stem;
        for (var n = 2; !taken.Add(slug); n++)
        {
            slug = $"{stem}-{n}";
        }

        return slug;
    }

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> different items, in random order.</summary>
    private static IEnumerable<T> Distinct<T>(Random random, IReadOnlyList<T> items, int min, int max)
    {
        var count = Math.Min(items.Count, random.Next(min, max + 1));
        return items.OrderBy(_ => random.Next()).Take(count).ToList();
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlugCharacters();
}

public class GenerateReport
{
    public int Tools { get; set; }
    public int SkillLinks { get; set; }
    public int PersonaLinks { get; set; }
    public TimeSpan Elapsed { get; set; }

    public void WriteTo(TextWriter output) =>
        output.WriteLine(
            $"Generated {Tools} tools with {SkillLinks} skill links and {PersonaLinks} persona links " +
            $"in {Elapsed.TotalSeconds:0.0} s.");
}
