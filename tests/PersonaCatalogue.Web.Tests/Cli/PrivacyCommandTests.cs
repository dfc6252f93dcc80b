using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Cli;

/// <summary>
/// The site for the command-line tests keeps personal data for 100 years, so its own daily job never touches what
/// these tests arrange; the command line, a process of its own, uses the default of 12 months.
/// </summary>
public class LongRetentionAppFactory : CatalogueAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Privacy:RetentionMonths"] = "1200" };
}

/// <summary><c>purge</c> and <c>erase</c>, run as real processes against the site's database.</summary>
public class PrivacyCommandTests(LongRetentionAppFactory app) : IClassFixture<LongRetentionAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CommandLineResult> RunAsync(params string[] args) => CommandLineProcess.RunAsync(app.DatabasePath, args);

    [Fact]
    public async Task Help_ListsPurgeAndErase()
    {
        var result = await RunAsync("--help");

        Assert.Matches(@"(?m)^\s+purge\b", result.Output);
        Assert.Matches(@"(?m)^\s+erase\b", result.Output);
        var purge = await RunAsync("purge", "--help");
        Assert.Contains("--before", purge.Output);
        Assert.Contains("--dry-run", purge.Output);
    }

    [Fact]
    public async Task Purge_DryRunChangesNothing_ThenPurgeBlanksWhatIsOlderThan12Months_AndAuditsOnce()
    {
        var now = DateTime.UtcNow;
        var old = await app.CreatePersonalDataAsync(now.AddMonths(-13));
        var young = await app.CreatePersonalDataAsync(now.AddMonths(-11));
        var before = await app.PersonalFieldsAsync(old);

        var dryRun = await RunAsync("purge", "--dry-run");

        Assert.True(dryRun.ExitCode == 0, dryRun.Error);
        AssertCounts(dryRun.Output, suggestions: 1, personaFeedback: 1, toolFeedback: 1, missingPersona: 1, supportNeeds: 1);
        Assert.Contains("Dry run: 5 rows would be blanked; nothing was changed.", dryRun.Output);
        Assert.Equal(before, await app.PersonalFieldsAsync(old));
        Assert.Empty(await RetentionAuditAsync());

        var purge = await RunAsync("purge");

        Assert.True(purge.ExitCode == 0, purge.Error);
        AssertCounts(purge.Output, suggestions: 1, personaFeedback: 1, toolFeedback: 1, missingPersona: 1, supportNeeds: 1);
        Assert.Contains("Blanked 5 rows.", purge.Output);
        Assert.Equal([null, null, null, null, null, null, null], await app.PersonalFieldsAsync(old));
        Assert.Equal(
            ["Sam Jones", young.Email, "Devon County Council", young.Email, young.Email, young.Email, young.Email],
            await app.PersonalFieldsAsync(young));
        var audit = Assert.Single(await RetentionAuditAsync());
        Assert.Equal(5, JsonDocument.Parse(audit.Details).RootElement.GetProperty("rows").GetInt32());

        var again = await RunAsync("purge");
        Assert.Contains("Blanked 0 rows.", again.Output);
        Assert.Single(await RetentionAuditAsync());
    }

    [Fact]
    public async Task Erase_BlanksEverythingHeldForTheAddress_WhateverItsCase_AndAuditsWithoutIt()
    {
        var set = await app.CreatePersonalDataAsync(DateTime.UtcNow);
        var other = await app.CreatePersonalDataAsync(DateTime.UtcNow);

        var result = await RunAsync("erase", "--email", set.Email.ToUpperInvariant(), "--reason", "Asked by email on 1 December");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(set.Reference, result.Output);
        Assert.Contains($"Feedback {set.PersonaFeedbackId}", result.Output);
        Assert.Contains("Erased personal data from 5 rows.", result.Output);
        Assert.Equal([null, null, null, null, null, null, null], await app.PersonalFieldsAsync(set));
        Assert.Equal(other.Email, (await app.PersonalFieldsAsync(other))[1]);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "personal-data.erased", Ct);
        Assert.Contains("Asked by email on 1 December", audit.Details);
        Assert.Contains(set.Reference, audit.Details);
        Assert.DoesNotContain(set.Email, audit.Details + audit.TargetKey, StringComparison.OrdinalIgnoreCase);

        var nothing = await RunAsync("erase", "--email", set.Email);
        Assert.Contains("Nothing is held for that address; nothing was changed.", nothing.Output);
    }

    private static void AssertCounts(string output, int suggestions, int personaFeedback, int toolFeedback, int missingPersona, int supportNeeds)
    {
        Assert.Matches($@"Tool suggestions\s+{suggestions}\n", output);
        Assert.Matches($@"Persona feedback\s+{personaFeedback}\n", output);
        Assert.Matches($@"Tool feedback\s+{toolFeedback}\n", output);
        Assert.Matches($@"Missing personas\s+{missingPersona}\n", output);
        Assert.Matches($@"Support needs\s+{supportNeeds}\n", output);
        Assert.Matches(@"Emails in the outbox\s+0\n", output);
    }

    private async Task<List<PersonaCatalogue.Core.Data.Entities.AuditEvent>> RetentionAuditAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action == "personal-data.retention").ToListAsync(Ct);
    }
}

/// <summary><c>purge --before</c>, in a database of its own: it blanks whatever is older than the day it is given.</summary>
public class PurgeBeforeCommandTests(LongRetentionAppFactory app) : IClassFixture<LongRetentionAppFactory>
{
    private Task<CommandLineResult> RunAsync(params string[] args) => CommandLineProcess.RunAsync(app.DatabasePath, args);

    [Fact]
    public async Task Purge_Before_BlanksOnlyWhatWasSentBeforeThatDay()
    {
        var earlier = await app.CreatePersonalDataAsync(new DateTime(2031, 3, 31, 23, 0, 0, DateTimeKind.Utc));
        var later = await app.CreatePersonalDataAsync(new DateTime(2031, 4, 1, 0, 0, 0, DateTimeKind.Utc));

        var result = await RunAsync("purge", "--before", "2031-04-01");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Personal data sent before 2031-04-01 00:00 UTC", result.Output);
        Assert.Equal([null, null, null, null, null, null, null], await app.PersonalFieldsAsync(earlier));
        Assert.Equal(later.Email, (await app.PersonalFieldsAsync(later))[1]);
    }

    [Fact]
    public async Task Purge_BadDate_FailsWithUsage_AndChangesNothing()
    {
        var set = await app.CreatePersonalDataAsync(new DateTime(2031, 6, 1, 0, 0, 0, DateTimeKind.Utc));

        var result = await RunAsync("purge", "--before", "31/12/2025");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--before must be a date like 2025-12-31, not '31/12/2025'.", result.Error);
        Assert.Equal(set.Email, (await app.PersonalFieldsAsync(set))[1]);
    }
}
