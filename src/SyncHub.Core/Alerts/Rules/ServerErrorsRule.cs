using Microsoft.EntityFrameworkCore;

namespace SyncHub.Core.Alerts.Rules;

/// <summary>Sustained server errors: at least N 5xx answers within the window on one integration (one is a blip).</summary>
internal sealed class ServerErrorsRule : IAlertRule
{
    public string Key => "server-errors";

    public string Title => "Sustained server errors";

    public double DefaultThreshold => 5;

    public int DefaultWindowMinutes => 5;

    public string ThresholdDescription => "5xx answers within the window on one integration";

    public async Task<IReadOnlyList<AlertFinding>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var from = context.WindowStart;
        var counts = await context.Db.Attempts
            .Where(a => a.StartedAt >= from && a.HttpStatus >= 500 && a.HttpStatus <= 599)
            .GroupBy(a => a.IntegrationId)
            .Select(g => new { IntegrationId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. counts.Where(c => c.Count >= context.Setting.Threshold && context.Find(c.IntegrationId) is not null)
            .Select(c => new AlertFinding(context.Find(c.IntegrationId)!.Slug, c.IntegrationId,
                $"{c.Count} server errors (5xx) in the last {context.Setting.WindowMinutes} min."))];
    }
}
