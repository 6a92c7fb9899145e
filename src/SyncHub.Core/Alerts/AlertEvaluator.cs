using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Notifications;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts;

/// <summary>
/// Runs every enabled rule and keeps one open alert per rule and subject: a new finding opens one, a finding that
/// holds again counts an occurrence, a subject no longer found is resolved. A disabled rule's alerts are resolved.
/// </summary>
public sealed partial class AlertEvaluator(
    AlertRules rules, IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time, INotifier notifier, ILogger<AlertEvaluator> logger)
{
    public async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var integrations = await db.Integrations.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var state in await rules.ListAsync(db, cancellationToken))
        {
            IReadOnlyList<AlertFinding> findings = [];
            if (state.Enabled)
            {
                try
                {
                    findings = await state.Rule.EvaluateAsync(new AlertContext(db, now, state, integrations), cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One broken rule must not stop the others, nor resolve its own alerts as if all were well.
                    LogRuleFailed(e, state.Rule.Key);
                    continue;
                }
            }

            await ApplyAsync(db, state.Rule, findings, now, integrations, cancellationToken);
        }
    }

    private async Task ApplyAsync(SyncHubDbContext db, IAlertRule rule, IReadOnlyList<AlertFinding> findings, DateTimeOffset now, List<Integration> integrations, CancellationToken cancellationToken)
    {
        var open = await db.Alerts.Where(a => a.Rule == rule.Key && a.Status == AlertStatus.Open).ToListAsync(cancellationToken);
        var bySubject = open.ToDictionary(a => a.Subject, StringComparer.Ordinal);
        var opened = new List<Alert>();
        foreach (var finding in findings.DistinctBy(f => f.Subject))
        {
            if (bySubject.Remove(finding.Subject, out var alert))
            {
                alert.Occurrences++;
                alert.UpdatedAt = now;
                alert.Detail = Truncate(finding.Detail);
                continue;
            }

            opened.Add(db.Alerts.Add(new Alert
            {
                Rule = rule.Key,
                Subject = finding.Subject,
                IntegrationId = finding.IntegrationId,
                Status = AlertStatus.Open,
                Title = rule.Title,
                Detail = Truncate(finding.Detail),
                OpenedAt = now,
                UpdatedAt = now,
            }).Entity);
            LogOpened(rule.Key, finding.Subject);
        }

        foreach (var cleared in bySubject.Values)
        {
            cleared.Status = AlertStatus.Resolved;
            cleared.ResolvedAt = now;
            cleared.UpdatedAt = now;
            LogResolved(rule.Key, cleared.Subject);
        }

        if (db.ChangeTracker.HasChanges())
        {
            await writes.RunAsync(db.SaveChangesAsync, cancellationToken);
        }

        // Only after the alerts are stored: an administrator is never told of an alert the page cannot show.
        foreach (var alert in opened)
        {
            notifier.Notify(AlertNotifications.Opened(alert, SlugOf(integrations, alert)));
        }

        foreach (var alert in bySubject.Values)
        {
            notifier.Notify(AlertNotifications.Resolved(alert, SlugOf(integrations, alert)));
        }
    }

    private static string? SlugOf(List<Integration> integrations, Alert alert) => integrations.Find(i => i.Id == alert.IntegrationId)?.Slug;

    private static string Truncate(string detail) => detail.Length <= 2000 ? detail : detail[..2000];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert opened: {Rule} on {Subject}")]
    private partial void LogOpened(string rule, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert resolved: {Rule} on {Subject}")]
    private partial void LogResolved(string rule, string subject);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert rule {Rule} failed; its alerts are left as they were")]
    private partial void LogRuleFailed(Exception exception, string rule);
}
