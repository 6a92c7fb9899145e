using SyncHub.Core.Audit;
using SyncHub.Core.Validation;
using SyncHub.Core.Integrations;

namespace SyncHub.Core.Runs;

/// <summary>Validates and saves an integration's schedule and run policy; every change is audited.</summary>
public sealed class RunPolicyService(IntegrationChangeWriter writer)
{
    public static FieldErrors Validate(RunPolicyRequest request)
    {
        var errors = new FieldErrors();
        if (request.ScheduleEnabled || !string.IsNullOrWhiteSpace(request.Schedule))
        {
            if (RunSchedule.Parse(request.Schedule, out var error) is null)
            {
                errors.Add("schedule", error!);
            }
        }

        if (RunRetryDelays.Parse(request.RetryDelays) is null)
        {
            errors.Add("retryDelays", $"must be up to {RunRetryDelays.MaxRetries} comma-separated waits such as 00:05:00, each between one second and seven days.");
        }

        Range(errors, "timeoutSeconds", request.TimeoutSeconds, 10, 86_400);
        Range(errors, "batchSize", request.BatchSize, 1, 1000);
        Range(errors, "breakerMinimumProcessed", request.BreakerMinimumProcessed, 1, 100_000);
        if (double.IsNaN(request.BreakerFailureRatio) || request.BreakerFailureRatio is < 0.01 or > 1)
        {
            errors.Add("breakerFailureRatio", "must be between 0.01 and 1 (1 % to 100 %).");
        }

        return errors;
    }

    /// <returns>Null when saved, otherwise the validation errors (nothing is changed).</returns>
    public async Task<FieldErrors?> SaveAsync(int integrationId, RunPolicyRequest request, string actor, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (!errors.IsEmpty)
        {
            return errors;
        }

        return await writer.SaveAsync(integrationId, actor, AccountAuditActions.RunPolicy, integration =>
        {
            var runs = integration.Runs;
            runs.Schedule = string.IsNullOrWhiteSpace(request.Schedule) ? null : request.Schedule.Trim();
            runs.ScheduleEnabled = request.ScheduleEnabled;
            runs.RetryOnFailure = request.RetryOnFailure;
            runs.RetryDelays = request.RetryDelays?.Trim() ?? "";
            runs.TimeoutSeconds = request.TimeoutSeconds;
            runs.BatchSize = request.BatchSize;
            runs.BreakerMinimumProcessed = request.BreakerMinimumProcessed;
            runs.BreakerFailureRatio = request.BreakerFailureRatio;
            integration.CutOffDate = request.CutOffDate;
            integration.DuplicateDetection = request.DuplicateDetection;
            return $"schedule {(runs.ScheduleEnabled ? runs.Schedule : "off")}; retry on failure {runs.RetryOnFailure} ({runs.RetryDelays}); timeout {runs.TimeoutSeconds} s; " +
                $"breaker {runs.BreakerFailureRatio:P0} after {runs.BreakerMinimumProcessed}; cut-off {integration.CutOffDate:yyyy-MM-dd}; duplicate detection {integration.DuplicateDetection}";
        }, cancellationToken);
    }

    private static void Range(FieldErrors errors, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(field, $"must be between {min:N0} and {max:N0}.");
        }
    }
}
