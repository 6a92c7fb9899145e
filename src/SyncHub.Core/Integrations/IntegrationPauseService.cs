using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Audit;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Integrations;

/// <summary>
/// Pauses and resumes an integration (audited). While paused its records are not claimed and runs do not start;
/// records keep queueing, so Resume delivers them. "system" pauses when the error budget is exhausted.
/// </summary>
public sealed class IntegrationPauseService(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time)
{
    public const string SystemActor = Actor.SystemName;

    /// <returns>False when the integration does not exist; pausing a paused one keeps the first pause.</returns>
    public async Task<bool> PauseAsync(int integrationId, string? reason, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        var integration = await db.Integrations.SingleOrDefaultAsync(i => i.Id == integrationId, cancellationToken);
        if (integration is null)
        {
            return false;
        }

        if (integration.PausedAt is not null)
        {
            return true;
        }

        var text = string.IsNullOrWhiteSpace(reason) ? "Paused by " + actor : reason.Trim();
        integration.PausedAt = time.GetUtcNow();
        integration.PausedBy = actor;
        integration.PauseReason = text.Length <= 500 ? text : text[..500];
        Audit(db, actor, IntegrationAuditActions.Pause, integration.Slug, integration.PauseReason);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <returns>False when the integration does not exist.</returns>
    public async Task<bool> ResumeAsync(int integrationId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        var integration = await db.Integrations.SingleOrDefaultAsync(i => i.Id == integrationId, cancellationToken);
        if (integration is null)
        {
            return false;
        }

        if (integration.PausedAt is { } since)
        {
            Audit(db, actor, IntegrationAuditActions.Resume, integration.Slug, $"paused since {since:u} by {integration.PausedBy}");
            integration.PausedAt = null;
            integration.PausedBy = null;
            integration.PauseReason = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    private void Audit(SyncHubDbContext db, string actor, string action, string slug, string? detail) =>
        db.AuditLog.Add(new AuditEntry { At = time.GetUtcNow(), Actor = actor, Action = action, Target = "integration " + slug, Detail = detail });
}
