namespace SyncHub.Core.Budgets;

/// <summary>
/// How much of an integration's error budget its window used: (failed ÷ all attempts) ÷ budget, in percent.
/// 0–100 % is fine, 100–200 % asks for a look, above 200 % is exhausted (alert; pause if configured).
/// </summary>
public sealed record ErrorBudgetBurn(int IntegrationId, int Attempts, int Failed, double BudgetPercent, int WindowHours)
{
    public const double ExhaustedPercent = 200;

    public double FailurePercent => Attempts == 0 ? 0 : 100.0 * Failed / Attempts;

    public double BurnPercent => BudgetPercent <= 0 ? (Failed > 0 ? double.PositiveInfinity : 0) : 100.0 * FailurePercent / BudgetPercent;

    public ErrorBudgetLevel Level => BurnPercent switch
    {
        > ExhaustedPercent => ErrorBudgetLevel.Exhausted,
        >= 100 => ErrorBudgetLevel.Warning,
        _ => ErrorBudgetLevel.Ok,
    };
}
