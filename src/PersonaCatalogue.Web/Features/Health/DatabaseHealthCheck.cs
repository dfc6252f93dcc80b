using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Web.Features.Health;

/// <summary>Whether the catalogue's database answers, naming the provider so an operator knows which one is meant.</summary>
public class DatabaseHealthCheck(CatalogueDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy(provider)
                : new HealthCheckResult(context.Registration.FailureStatus, $"{provider}: cannot connect");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{provider}: {ex.Message}", ex);
        }
    }
}
