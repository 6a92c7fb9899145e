using SyncHub.Core.Budgets;
using SyncHub.Core.Runs;

namespace SyncHub.Web.Pages.Schedules;

/// <summary>The error budget form: the share of attempts that may fail over a window, and whether to pause when it runs out.</summary>
public sealed class ErrorBudgetForm
{
    public double Percent { get; set; }

    public int WindowHours { get; set; }

    public bool PauseOnExhausted { get; set; }

    public static ErrorBudgetForm From(IntegrationSchedule integration) => new()
    {
        Percent = integration.ErrorBudgetPercent,
        WindowHours = integration.ErrorBudgetWindowHours,
        PauseOnExhausted = integration.PauseOnBudgetExhausted,
    };

    public ErrorBudgetRequest ToRequest() => new(Percent, WindowHours, PauseOnExhausted);

    public static string FieldFor(string key) => key switch
    {
        "percent" => nameof(Percent),
        "windowHours" => nameof(WindowHours),
        _ => key,
    };
}
