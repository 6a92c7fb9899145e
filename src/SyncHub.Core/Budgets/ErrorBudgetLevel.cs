namespace SyncHub.Core.Budgets;

public enum ErrorBudgetLevel
{
    Ok = 0,
    Warning = 1,
    Exhausted = 2,
}
