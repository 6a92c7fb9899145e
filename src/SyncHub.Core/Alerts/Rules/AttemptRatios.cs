using Microsoft.EntityFrameworkCore;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts.Rules;

/// <summary>Attempts and failures per integration within a rule's window (one grouped query on the StartedAt index).</summary>
internal sealed record AttemptRatios(int IntegrationId, int Attempts, int Failed)
{
    public double FailurePercent => Attempts == 0 ? 0 : 100.0 * Failed / Attempts;

    public static async Task<List<AttemptRatios>> InWindowAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var from = context.WindowStart;
        var rows = await context.Db.Attempts
            .Where(a => a.StartedAt >= from && a.Status != AttemptStatus.InFlight && a.Status != AttemptStatus.Interrupted)
            .GroupBy(a => new { a.IntegrationId, Failed = a.ErrorClass != null && a.Status != AttemptStatus.Skipped })
            .Select(g => new { g.Key.IntegrationId, g.Key.Failed, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.IntegrationId)
            .Select(g => new AttemptRatios(g.Key, g.Sum(r => r.Count), g.Where(r => r.Failed).Sum(r => r.Count)))];
    }
}
