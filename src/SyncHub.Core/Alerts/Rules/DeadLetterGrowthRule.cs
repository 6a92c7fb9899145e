using Microsoft.EntityFrameworkCore;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts.Rules;

/// <summary>
/// Dead-letter growth accelerating: the records that entered the dead-letter queue in the last window number at least
/// <see cref="MinimumAdded"/> and at least the threshold times the window before (reads the DeadLetter status index only).
/// </summary>
internal sealed class DeadLetterGrowthRule : IAlertRule
{
    public const int MinimumAdded = 5;

    public string Key => "dead-letter-growth";

    public string Title => "Dead-letter queue growing faster";

    public double DefaultThreshold => 2;

    public int DefaultWindowMinutes => 60;

    public string ThresholdDescription => $"times the previous window's dead-letter additions (at least {MinimumAdded} added)";

    public async Task<IReadOnlyList<AlertFinding>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var from = context.WindowStart;
        var previousFrom = from - context.Setting.Window;
        var rows = await context.Db.Records
            .Where(r => r.Status == RecordStatus.DeadLetter && r.DeadLetteredAt >= previousFrom)
            .GroupBy(r => new { r.IntegrationId, Current = r.DeadLetteredAt >= from })
            .Select(g => new { g.Key.IntegrationId, g.Key.Current, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var findings = new List<AlertFinding>();
        foreach (var integration in rows.GroupBy(r => r.IntegrationId))
        {
            var current = integration.Where(r => r.Current).Sum(r => r.Count);
            var previous = integration.Where(r => !r.Current).Sum(r => r.Count);
            if (current >= MinimumAdded && current >= context.Setting.Threshold * previous && context.Find(integration.Key) is { } found)
            {
                findings.Add(new AlertFinding(found.Slug, found.Id,
                    $"{current} records entered the dead-letter queue in the last {context.Setting.WindowMinutes} min, {previous} in the window before."));
            }
        }

        return findings;
    }
}
