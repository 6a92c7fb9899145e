using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Runs;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts.Rules;

/// <summary>
/// Delivery stalled: the oldest due record (pending, or failed with its retry due) has waited longer than the
/// threshold times the integration's schedule interval. Integrations without an enabled schedule use the window
/// as their lag limit (30 min by default). Reads the (Status, NextAttemptAt) index, one row per integration.
/// </summary>
internal sealed class DeliveryLagRule(TimeProvider time) : IAlertRule
{
    public string Key => "delivery-lag";

    public string Title => "Delivery lagging";

    public double DefaultThreshold => 2;

    public int DefaultWindowMinutes => 30;

    public string ThresholdDescription => "times the schedule interval a due record may wait; the window is the limit for integrations without a schedule";

    public async Task<IReadOnlyList<AlertFinding>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var findings = new List<AlertFinding>();
        foreach (var integration in context.Integrations.Where(i => i.PausedAt is null))
        {
            var limit = LimitFor(integration, context.Setting);
            var dueBefore = context.Now - limit;
            var id = integration.Id;
            var oldest = await context.Db.Records
                .Where(r => (r.Status == RecordStatus.Pending || (r.Status == RecordStatus.Failed && r.ArchivedAt == null))
                    && r.NextAttemptAt <= dueBefore && r.IntegrationId == id)
                .OrderBy(r => r.NextAttemptAt).Select(r => r.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
            if (oldest is { } since)
            {
                findings.Add(new AlertFinding(integration.Slug, id,
                    $"The oldest due record has waited {(context.Now - since).TotalMinutes:0} min (limit {limit.TotalMinutes:0} min)."));
            }
        }

        return findings;
    }

    private TimeSpan LimitFor(Integration integration, AlertRuleState setting)
    {
        if (integration.Runs is { ScheduleEnabled: true } runs && RunSchedule.Parse(runs.Schedule, out _) is { } schedule
            && schedule.NextAfter(time.GetUtcNow()) is { } next && schedule.NextAfter(next) is { } after)
        {
            return (after - next) * setting.Threshold;
        }

        return setting.Window;
    }
}
