using SyncHub.Core.Budgets;
using SyncHub.Core.Integrations;

namespace SyncHub.Core.Alerts.Rules;

/// <summary>
/// Error budget exhausted: more than the threshold (200 %) of the integration's budget burnt over its own window,
/// with at least <see cref="MinimumAttempts"/> attempts. An integration set to pause on exhaustion is paused by "system".
/// </summary>
internal sealed class ErrorBudgetRule(ErrorBudgetQuery budgets, IntegrationPauseService pauses) : IAlertRule
{
    public const int MinimumAttempts = 10;

    public string Key => "error-budget";

    public string Title => "Error budget exhausted";

    public double DefaultThreshold => ErrorBudgetBurn.ExhaustedPercent;

    public int DefaultWindowMinutes => 60;

    public string ThresholdDescription => $"% of the integration's error budget burnt over its own budget window (at least {MinimumAttempts} attempts)";

    public bool UsesWindow => false;

    public async Task<IReadOnlyList<AlertFinding>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var findings = new List<AlertFinding>();
        foreach (var integration in context.Integrations)
        {
            var burn = await budgets.ForAsync(context.Db, integration, cancellationToken);
            if (burn.Attempts < MinimumAttempts || burn.BurnPercent <= context.Setting.Threshold)
            {
                continue;
            }

            var detail = $"{burn.BurnPercent:0} % of the error budget used: {burn.Failed} of {burn.Attempts} attempts failed in {burn.WindowHours} h (budget {burn.BudgetPercent:0.##} %).";
            if (integration.PauseOnBudgetExhausted && integration.PausedAt is null)
            {
                await pauses.PauseAsync(integration.Id, "Error budget exhausted: " + detail, IntegrationPauseService.SystemActor, cancellationToken);
                detail += " The integration was paused.";
            }

            findings.Add(new AlertFinding(integration.Slug, integration.Id, detail));
        }

        return findings;
    }
}
