using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>Reads what each integration's most recent finished attempts ended with, for the diagnosis of its failures.</summary>
internal static class RecentAttempts
{
    /// <summary>How many of an integration's newest attempts a diagnosis looks at.</summary>
    public const int Window = 200;

    public static async Task<IReadOnlyDictionary<int, AttemptMix>> ReadAsync(SyncHubDbContext db, IEnumerable<int> integrationIds, CancellationToken cancellationToken)
    {
        var mixes = new Dictionary<int, AttemptMix>();
        foreach (var id in integrationIds.Distinct())
        {
            // Newest first along the (IntegrationId, Id) index; attempts still out or interrupted have no outcome yet.
            var attempts = await db.Attempts.AsNoTracking()
                .Where(a => a.IntegrationId == id && a.Status != AttemptStatus.InFlight && a.Status != AttemptStatus.Interrupted)
                .OrderByDescending(a => a.Id).Take(Window)
                .Select(a => new { a.Status, a.ErrorClass })
                .ToListAsync(cancellationToken);
            mixes[id] = AttemptMix.From([.. attempts.Select(a => (a.Status, a.ErrorClass))]);
        }

        return mixes;
    }
}
