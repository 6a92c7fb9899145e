namespace SyncHub.Core.Budgets;

public sealed record ErrorBudgetRequest(double Percent, int WindowHours, bool PauseOnExhausted);
