using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;
using static SyncHub.Core.Text.TextClip;

namespace SyncHub.Core.Delivery.Completing;

/// <summary>
/// Refused credentials expire the integration's connection until they work again; a delivery on an expired connection
/// heals it. One statement per integration that changes, in the completion's transaction.
/// </summary>
internal static class ConnectionStateChanges
{
    /// <returns>The integrations whose connection has just expired (not those that already were), with their note.</returns>
    public static async Task<List<(IntegrationSnapshotRef Integration, string Note)>> ApplyAsync(
        SyncHubDbContext db, IReadOnlyList<AnsweredAttempt> answered, CancellationToken cancellationToken)
    {
        var expired = new List<(IntegrationSnapshotRef, string)>();
        var refused = answered.Where(a => a.Completion.Outcome!.ErrorClass == ErrorClass.Authentication)
            .GroupBy(a => a.Completion.Work.Integration.Id);
        foreach (var group in refused)
        {
            var integration = group.First().Completion.Work.Integration;
            var note = Clip("Credentials were refused: " + group.First().Completion.Outcome!.Message, 1000)!;
            var newly = await db.Integrations.Where(i => i.Id == integration.Id && i.ConnectionState != ConnectionState.Expired)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ConnectionState, ConnectionState.Expired).SetProperty(i => i.ConnectionNote, note), cancellationToken);
            if (newly == 0)
            {
                await db.Integrations.Where(i => i.Id == integration.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ConnectionNote, note), cancellationToken);
            }
            else
            {
                expired.Add((new IntegrationSnapshotRef(integration.Id, integration.Slug), note));
            }
        }

        // The claim's snapshot may predate an expiry another group wrote, so every integration that delivered is checked.
        var healed = answered.Where(a => a.Plan.Delivered).Select(a => a.Completion.Work.Integration.Id).Distinct().ToList();
        if (healed.Count > 0)
        {
            await db.Integrations.Where(i => healed.Contains(i.Id) && i.ConnectionState == ConnectionState.Expired)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ConnectionState, ConnectionState.Healthy).SetProperty(i => i.ConnectionNote, (string?)null), cancellationToken);
        }

        return expired;
    }
}
