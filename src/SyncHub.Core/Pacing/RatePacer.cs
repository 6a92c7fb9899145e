using System.Collections.Concurrent;
using SyncHub.Connectors;

namespace SyncHub.Core.Pacing;

/// <summary>
/// Keeps calls inside the limits a connector declares (<see cref="ConnectorInfo.RateLimits"/>) instead of finding
/// them by 429: callers wait for an in-flight slot and for room in the minute window; when the day's budget is
/// spent the integration is paused until it resets.
/// </summary>
public sealed class RatePacer(ConnectionPauses pauses, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PaceBudget> _budgets = new(StringComparer.Ordinal);

    internal async Task<PaceLease> AcquireAsync(string connector, string integrationSlug, int integrationId, ConnectorRateLimits? limits, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        if (limits is null or { MaxConcurrent: null, PerMinute: null, PerDay: null })
        {
            return PaceLease.Unlimited;
        }

        var budget = _budgets.GetOrAdd(PartitionKey(connector, integrationSlug, limits, settings), _ => new PaceBudget(limits));
        await budget.InFlight.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var verdict = budget.TryTake(time.GetUtcNow());
                if (verdict.ResumesAt is { } resumes)
                {
                    pauses.Pause(integrationId, resumes, $"Daily limit of {limits.PerDay:N0} calls reached; sending resumes when it resets.");
                }

                if (verdict.Allowed || verdict.ResumesAt is not null)
                {
                    return new PaceLease(budget.InFlight, verdict.Allowed ? null : verdict.ResumesAt);
                }

                await Task.Delay(verdict.WaitFor, time, cancellationToken);
            }
        }
        catch
        {
            budget.InFlight.Release();
            throw;
        }
    }

    // Integrations that share the partition setting's value (one Xero tenant) share one budget.
    private static string PartitionKey(string connector, string integrationSlug, ConnectorRateLimits limits, ConnectorSettings settings) =>
        limits.PartitionSetting is { } setting && settings.GetString(setting) is { Length: > 0 } value
            ? $"{connector.ToLowerInvariant()}|{setting}={value}"
            : $"{connector.ToLowerInvariant()}|integration={integrationSlug}";
}
