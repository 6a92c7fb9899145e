namespace SyncHub.Core.Budgets;

/// <summary>Attempts in an error-budget window, split into failed and not.</summary>
internal sealed record BudgetCount(bool Failed, int Count);
