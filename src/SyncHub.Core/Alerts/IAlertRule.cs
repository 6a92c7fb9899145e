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

    /// <summary>Every subject for which the pattern holds right now.</summary>
    Task<IReadOnlyList<AlertFinding>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken);
}
