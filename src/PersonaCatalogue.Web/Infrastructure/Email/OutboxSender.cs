using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Infrastructure.Email;

/// <summary>
/// Delivers the outbox: every <c>Email:PollSeconds</c> (on the app's <see cref="TimeProvider"/>) it sends what is
/// waiting and due. A failed attempt waits longer each time (1, 2, 4 … minutes, at most 6 hours); after
/// <see cref="MaxAttempts"/> the message is marked failed, which staff see on the suggestion. Each message is claimed
/// with one UPDATE before it is sent, so two instances never send it both. An email the server accepted but that could
/// not then be marked sent (the database gone at that moment) is sent again after the claim lapses: at least once,
/// never lost.
/// </summary>
public sealed class OutboxSender(
    IServiceScopeFactory scopes, SmtpMailTransport transport, IConfiguration configuration, TimeProvider clock, ILogger<OutboxSender> logger)
    : BackgroundService
{
    public const int MaxAttempts = 10;
    public const int BatchSize = 20;
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    /// <summary>How long to wait after the given number of failed attempts.</summary>
    public static TimeSpan BackOff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), LongestWait.TotalMinutes));

    // On the thread pool, as PersonalDataRetentionJob does, and for the same reasons.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => SendAsync(stoppingToken), stoppingToken);

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(configuration.GetValue("Email:PollSeconds", 10.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not read the email outbox");
            }

            await Task.Delay(poll, clock, stoppingToken);
        }
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Waiting && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            await SendOneAsync(db, id, now, cancellationToken);
        }
    }

    private async Task SendOneAsync(CatalogueDbContext db, long id, DateTime now, CancellationToken cancellationToken)
    {
        var claimedUntil = now + Claim;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Waiting && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, claimedUntil).SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        var message = claimed == 1 ? await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) : null;
        if (message is null)
        {
            // Another instance has it, or it was erased meanwhile.
            return;
        }

        try
        {
            await transport.SendAsync(message.To, message.Subject, message.Body, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var status = message.Attempts >= MaxAttempts ? OutboxStatus.Failed : OutboxStatus.Waiting;
            var next = clock.GetUtcNow().UtcDateTime + BackOff(message.Attempts);
            var error = exception.Message.Length > 500 ? exception.Message[..500] : exception.Message;
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
            logger.LogWarning("Email {Id} not sent (attempt {Attempts}): {Error}", id, message.Attempts, error);
            return;
        }

        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
    }
}
