using SyncHub.Core.Validation;
using SyncHub.Core.Integrations;

namespace SyncHub.Core.Budgets;

/// <summary>Validates and saves an integration's error budget (percent, window, pause on exhaustion); audited.</summary>
public sealed class ErrorBudgetSettings(IntegrationChangeWriter writer)
{
    public static FieldErrors Validate(ErrorBudgetRequest request)
    {
        var errors = new FieldErrors();
        if (double.IsNaN(request.Percent) || request.Percent is < 0.01 or > 100)
        {
            errors.Add("percent", "must be between 0.01 and 100 (% of attempts that may fail).");
        }

        if (request.WindowHours is < 1 or > 720)
        {
            errors.Add("windowHours", "must be between 1 and 720 hours (30 days).");
        }

        return errors;
    }

    /// <returns>Null when saved, otherwise the errors (nothing changed).</returns>
    public async Task<FieldErrors?> SaveAsync(int integrationId, ErrorBudgetRequest request, string actor, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (!errors.IsEmpty)
        {
            return errors;
        }

        return await writer.SaveAsync(integrationId, actor, IntegrationAuditActions.ErrorBudget, integration =>
        {
            integration.ErrorBudgetPercent = request.Percent;
            integration.ErrorBudgetWindowHours = request.WindowHours;
            integration.PauseOnBudgetExhausted = request.PauseOnExhausted;
            return FormattableString.Invariant($"budget {request.Percent} % over {request.WindowHours} h; pause on exhaustion {request.PauseOnExhausted}");
        }, cancellationToken);
    }
}
