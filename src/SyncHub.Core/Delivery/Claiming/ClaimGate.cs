using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Breakers;
using SyncHub.Core.Pacing;
using SyncHub.Data;

namespace SyncHub.Core.Delivery.Claiming;

/// <summary>
/// Decides before each claim which integrations' records stay where they are: paused ones (a rate-limit pause in
/// memory, or a pause an operator or the error budget stored) and those whose own or connector breaker is not closed. A
/// half-open breaker's integration may send one record, the probe. Waiting costs the records no attempt.
/// </summary>
internal sealed class ClaimGate(BreakerRegistry breakers, ConnectionPauses pauses)
{
    public async Task<ClaimAdmission> AdmitAsync(SyncHubDbContext db, CancellationToken cancellationToken)
    {
        var integrations = await db.Integrations.AsNoTracking()
            .Select(i => new { i.Id, i.Slug, i.Connector, Paused = i.PausedAt != null })
            .ToListAsync(cancellationToken);
        var paused = integrations.Where(i => i.Paused).Select(i => i.Id).Union(pauses.PausedIds()).ToHashSet();
        if (breakers.AllClosed)
        {
            return paused.Count == 0 ? ClaimAdmission.Open : new ClaimAdmission(paused, []);
        }

        var held = integrations.Select(i => new BreakerTarget(i.Id, i.Slug, i.Connector))
            .Where(t => breakers.Check(t) != BreakerAdmission.Allowed).ToList();
        var excluded = paused.Union(held.Select(t => t.IntegrationId)).ToHashSet();
        return new ClaimAdmission(excluded, [.. held.Where(t => !paused.Contains(t.IntegrationId))]);
    }
}
