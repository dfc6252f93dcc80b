using System.CommandLine;
using System.Globalization;
using PersonaCatalogue.Core.Privacy;

namespace PersonaCatalogue.Cli.Commands;

public static class PurgeCommand
{
    public const string DateFormat = "yyyy-MM-dd";

    public static Command Create()
    {
        var before = new Option<string?>("--before")
        {
            Description = "Blank what was sent before this day, YYYY-MM-DD (default: Privacy:RetentionMonths ago, as the site's daily job does)",
        };
        before.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !TryParse(value, out _))
            {
                result.AddError($"--before must be a date like 2025-12-31, not '{value}'.");
            }
        });
        var dryRun = new Option<bool>("--dry-run") { Description = "Only say what would be blanked; change nothing" };
        var command = new Command("purge", "Blank the names, email addresses and organisations of suggestions and feedback older than the retention period, and delete emails sent to them. Rows and everything else stay.")
        {
            before, dryRun,
        };
        command.SetCatalogueAction("Purge", async (parsed, host, cancellationToken) =>
        {
            var retention = host.Services.GetRequiredService<PersonalDataRetention>();
            var cutoff = parsed.GetValue(before) is { } day && TryParse(day, out var date)
                ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
                : retention.Cutoff();
            var isDryRun = parsed.GetValue(dryRun);
            Console.WriteLine($"Personal data sent before {cutoff.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC (Privacy:RetentionMonths is {PersonalDataRetention.Months(host.Configuration)}):");
            var counts = await retention.PurgeAsync(cutoff, isDryRun, cancellationToken);
            counts.WriteTo(Console.Out);
            Console.WriteLine(isDryRun
                ? $"Dry run: {counts.Total} rows would be blanked; nothing was changed."
                : $"Blanked {counts.Total} rows.");
            return CommandRunner.Succeeded;
        });
        return command;
    }

    private static bool TryParse(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
