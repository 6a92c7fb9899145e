using Microsoft.EntityFrameworkCore;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts.Rules;

/// <summary>
/// A likely regression: an error class the integration did not have in the 24 hours before the window appears
/// at volume (at least N attempts within the window).
/// </summary>
internal sealed class NewErrorClassRule : IAlertRule
{
    private static readonly TimeSpan Lookback = TimeSpan.FromHours(24);

    public string Key => "new-error-class";

    public string Title => "New error class at volume";

    public double DefaultThreshold => 5;

    public int DefaultWindowMinutes => 15;

    public string ThresholdDescription => "attempts within the window with an error class not seen on the integration in the 24 h before";

    public async Task<IReadOnlyList<AlertFinding>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var from = context.WindowStart;
        var current = await context.Db.Attempts
            .Where(a => a.StartedAt >= from && a.ErrorClass != null && a.Status != AttemptStatus.Skipped)
            .GroupBy(a => new { a.IntegrationId, a.ErrorClass })
            .Select(g => new { g.Key.IntegrationId, g.Key.ErrorClass, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var findings = new List<AlertFinding>();
        var before = from - Lookback;
        foreach (var candidate in current.Where(c => c.Count >= context.Setting.Threshold))
        {
            var seenBefore = await context.Db.Attempts.AnyAsync(
                a => a.StartedAt >= before && a.StartedAt < from && a.IntegrationId == candidate.IntegrationId && a.ErrorClass == candidate.ErrorClass,
                cancellationToken);
            if (!seenBefore && context.Find(candidate.IntegrationId) is { } integration)
            {
                findings.Add(new AlertFinding($"{integration.Slug}:{candidate.ErrorClass}", integration.Id,
                    $"{candidate.Count} attempts failed as {candidate.ErrorClass} in the last {context.Setting.WindowMinutes} min; none in the 24 h before."));
            }
        }

        return findings;
    }
}
