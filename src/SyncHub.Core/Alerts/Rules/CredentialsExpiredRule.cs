using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts.Rules;

/// <summary>The destination refused the credentials and refreshing them failed: nothing is delivered until an administrator re-authorises.</summary>
internal sealed class CredentialsExpiredRule : IAlertRule
{
    public string Key => "credentials-expired";

    public string Title => "Credentials expired";

    public double DefaultThreshold => 1;

    public int DefaultWindowMinutes => 1;

    public string ThresholdDescription => "fires while the connection is marked expired";

    public bool UsesThreshold => false;

    public bool UsesWindow => false;

    public Task<IReadOnlyList<AlertFinding>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AlertFinding>>([.. context.Integrations
            .Where(i => i.ConnectionState == ConnectionState.Expired)
            .Select(i => new AlertFinding(i.Slug, i.Id, i.ConnectionNote ?? "The destination refused the credentials."))]);
}
