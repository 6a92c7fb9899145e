using Microsoft.EntityFrameworkCore;

namespace SyncHub.Core.Alerts.Rules;

/// <summary>
/// One integration failing while the others deliver: its failure share over the window is at least the threshold
/// (with at least <see cref="MinimumAttempts"/> attempts) and every other integration with traffic stays below it.
/// When all fail together it is not isolated; the server-errors and breaker rules cover that.
/// </summary>
internal sealed class IsolatedFailureRule : IAlertRule
{
    public const int MinimumAttempts = 10;

    public string Key => "isolated-failure";

    public string Title => "One integration failing, others healthy";

    public double DefaultThreshold => 50;

    public int DefaultWindowMinutes => 15;

    public string ThresholdDescription => $"% of attempts failed within the window (at least {MinimumAttempts} attempts), while other integrations stay below it";

    public async Task<IReadOnlyList<AlertFinding>> EvaluateAsync(AlertContext context, CancellationToken cancellationToken)
    {
        var ratios = await AttemptRatios.InWindowAsync(context, cancellationToken);
        var failing = ratios.Where(r => r.Attempts >= MinimumAttempts && r.FailurePercent >= context.Setting.Threshold).ToList();
        var healthyOthers = ratios.Count(r => r.Attempts > 0 && r.FailurePercent < context.Setting.Threshold);
        if (failing.Count != 1 || healthyOthers == 0)
        {
            return [];
        }

        var one = failing[0];
        return context.Find(one.IntegrationId) is { } integration
            ? [new AlertFinding(integration.Slug, integration.Id,
                $"{one.Failed} of {one.Attempts} attempts failed ({one.FailurePercent:0} %) in the last {context.Setting.WindowMinutes} min; {healthyOthers} other integration(s) are healthy.")]
            : [];
    }
}
