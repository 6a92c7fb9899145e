namespace SyncHub.Core.Alerts;

/// <summary>One pattern worth an alert. Rules only look; <see cref="AlertEvaluator"/> opens, updates and resolves alerts.</summary>
public interface IAlertRule
{
    /// <summary>The stable key stored on alerts and settings, for example <c>server-errors</c>.</summary>
    string Key { get; }

    string Title { get; }

    double DefaultThreshold { get; }

    int DefaultWindowMinutes { get; }

    /// <summary>What the threshold and window mean, for the rules table.</summary>
    string ThresholdDescription { get; }

    /// <summary>False for a rule that fires on a state, with no number to tune; the rules table offers no field then.</summary>
    bool UsesThreshold => true;

    /// <summary>False for a rule that does not look back over a window of its own.</summary>
    bool UsesWindow => true;

    /// <summary>Every subject for which the pattern holds right now.</summary>
    Task<IReadOnlyList<AlertFinding>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken);
}
