using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Validation;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Integrations;

/// <summary>
/// Applies one validated change to an integration and writes its audit entry in the same save, so a
/// settings page can never change an integration without leaving a trace.
/// </summary>
public sealed class IntegrationChangeWriter(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time)
{
    /// <param name="apply">Changes the integration and returns the audit detail.</param>
    /// <returns>Null when saved, otherwise the errors (nothing changed).</returns>
    public async Task<FieldErrors?> SaveAsync(
        int integrationId, string actor, string action, Func<Integration, string> apply, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        var integration = await db.Integrations.SingleOrDefaultAsync(i => i.Id == integrationId, cancellationToken);
        if (integration is null)
        {
            var errors = new FieldErrors();
            errors.Add("integration", "does not exist.");
            return errors;
        }

        var detail = apply(integration);
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Target = "integration " + integration.Slug,
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
