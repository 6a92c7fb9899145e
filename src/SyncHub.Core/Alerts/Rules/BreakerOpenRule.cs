using SyncHub.Core.Breakers;

namespace SyncHub.Core.Alerts.Rules;

/// <summary>A connection breaker (the integration's or its connector's) has not closed for longer than N minutes.</summary>
internal sealed class BreakerOpenRule(BreakerRegistry breakers) : IAlertRule
{
    public string Key => "breaker-open";

    public string Title => "Circuit breaker open";

    public double DefaultThreshold => 10;

    public int DefaultWindowMinutes => 1;

    public string ThresholdDescription => "minutes a breaker may stay open (or half-open) before it alerts";

    public bool UsesWindow => false;

    public Task<IReadOnlyList<AlertFinding>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var limit = context.Now - TimeSpan.FromMinutes(context.Setting.Threshold);
        var findings = new List<AlertFinding>();
        foreach (var integration in context.Integrations)
        {
            var described = breakers.Describe(BreakerTarget.Of(integration));
            foreach (var (which, snapshot) in new[] { ("integration", described.Integration), ("connector " + integration.Connector, described.Connector) })
            {
                if (snapshot.State != BreakerState.Closed && snapshot.OpenSince is { } since && since <= limit)
                {
                    findings.Add(new AlertFinding(integration.Slug, integration.Id,
                        $"The {which} breaker has been {snapshot.State.ToString().ToLowerInvariant()} since {since:u} ({(context.Now - since).TotalMinutes:0} min, {snapshot.Trips} trip(s))."));
                    break;
                }
            }
        }

        return Task.FromResult<IReadOnlyList<AlertFinding>>(findings);
    }
}
