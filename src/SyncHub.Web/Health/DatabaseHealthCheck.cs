using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SyncHub.Data;

namespace SyncHub.Web.Health;

/// <summary>The database opens and answers a query. The message stays short: no connection string, no path.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<SyncHubDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Integrations.AsNoTracking().Select(i => i.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The exception goes to the health check log (at the host's level), never into the response.
            return HealthCheckResult.Unhealthy("The database cannot be queried.", exception);
        }
    }
}
