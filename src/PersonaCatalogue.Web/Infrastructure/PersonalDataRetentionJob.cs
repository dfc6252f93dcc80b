using PersonaCatalogue.Core.Privacy;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Runs <see cref="PersonalDataRetention"/> once when the site starts and then once a day, on the app's
/// <see cref="TimeProvider"/> (so tests move the clock rather than wait). Several instances may all run it: it only
/// touches rows that still hold personal data, so whoever comes second changes nothing.
/// </summary>
public sealed class PersonalDataRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PersonalDataRetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>After a failed run (the database busy or unreachable), the next try.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    // On the thread pool, so the first run (and its query compilation) stays off the start-up path: hosted services
    // start before the server listens.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => RunDailyAsync(stoppingToken), stoppingToken);

    private async Task RunDailyAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // The next run is a day after this one started, so a clock moved on while this one ran is not missed.
            var started = clock.GetUtcNow();
            var next = started + (await RunOnceAsync(stoppingToken) ? Interval : RetryAfterFailure);
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
    }

    private async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var retention = scope.ServiceProvider.GetRequiredService<PersonalDataRetention>();
            var cutoff = retention.Cutoff();
            var counts = await retention.PurgeAsync(cutoff, dryRun: false, cancellationToken);
            if (counts.Total > 0)
            {
                logger.LogInformation("Retention: blanked personal data sent before {Cutoff:yyyy-MM-dd} in {Rows} rows", cutoff, counts.Total);
            }

            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Retention: could not blank old personal data; trying again in an hour");
            return false;
        }
    }
}
