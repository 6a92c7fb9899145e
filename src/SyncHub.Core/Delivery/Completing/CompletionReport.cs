using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Notifications;
using SyncHub.Core.Telemetry;
using SyncHub.Data.Entities;
using static SyncHub.Core.Text.TextClip;

namespace SyncHub.Core.Delivery.Completing;

/// <summary>
/// What follows a committed completion, never before it: one log line per attempt (failures with their error text at
/// Information, deliveries at Debug), the delivery metrics, and the notices an administrator is told about (a record that just became a
/// dead letter, credentials that just expired, data a person must correct because no automatic fix applied), each under
/// the attempt's own trace.
/// </summary>
internal sealed partial class CompletionReport(DeliveryMetrics metrics, INotifier notifier, ILogger<CompletionReport> logger)
{
    private const int MaxLoggedMessage = 500;

    /// <param name="fixedAutomatically">Records an automatic data-format fix queued again: nobody needs to be told about them.</param>
    public void Written(IReadOnlyList<AnsweredAttempt> answered, IReadOnlyList<(IntegrationSnapshotRef Integration, string Note)> expired, IReadOnlySet<long> fixedAutomatically)
    {
        foreach (var answer in answered)
        {
            var (completion, plan) = (answer.Completion, answer.Plan);
            var (work, outcome) = (completion.Work, completion.Outcome!);
            using var context = AttemptLogScope.Enter(logger, completion);
            var slug = work.Integration.Slug;
            if (outcome.IsDelivered)
            {
                LogDelivered(work.Record.Id, slug, work.Trigger, outcome.HttpStatus);
                if (completion.Mapping!.DefaultedFields.Count > 0)
                {
                    LogDeliveredWithDefaults(work.Record.Id, slug, string.Join(", ", completion.Mapping.DefaultedFields));
                }
            }
            else
            {
                LogFailed(work.Record.Id, slug, work.Trigger, outcome.ErrorClass, outcome.HttpStatus, answer.WrittenStatus, Clip(plan.ErrorMessage, MaxLoggedMessage));
            }

            metrics.AttemptCompleted(slug, outcome, completion.Elapsed);
            if (answer.WrittenStatus == RecordStatus.DeadLetter && !work.Record.HasDeadLettered && work.Record.Status != (int)RecordStatus.DeadLetter)
            {
                notifier.Notify(EngineNotifications.DeadLettered(work.Integration.Entity, plan.ErrorMessage));
            }

            if (outcome.ErrorClass is ErrorClass.Validation or ErrorClass.Transform && answer.WrittenStatus is RecordStatus.Failed or RecordStatus.DeadLetter
                && !fixedAutomatically.Contains(work.Record.Id))
            {
                notifier.Notify(EngineNotifications.DataFormatError(work.Integration.Entity, work.Record.Id, work.Record.EntityType, work.Record.SourceId,
                    [.. outcome.FieldProblems.Select(p => Clip(p.Field, 100)!)], Clip(plan.ErrorMessage, MaxLoggedMessage)));
            }
        }

        foreach (var (integration, note) in expired)
        {
            notifier.Notify(EngineNotifications.CredentialsExpired(integration.Id, integration.Slug, note));
        }
    }

    public void ClaimLost(Completion completion)
    {
        using var context = AttemptLogScope.Enter(logger, completion);
        LogClaimLost(completion.Work.Record.Id);
    }

    // One line per delivery would be most of a busy engine's log: deliveries are at Debug, failures at Information.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Record {RecordId} of {Integration}: {Trigger} delivered (HTTP {HttpStatus})")]
    private partial void LogDelivered(long recordId, string integration, AttemptTrigger trigger, int? httpStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Record {RecordId} of {Integration}: {Trigger} failed with {ErrorClass} (HTTP {HttpStatus}), now {Status}: {ErrorMessage}")]
    private partial void LogFailed(long recordId, string integration, AttemptTrigger trigger, ErrorClass errorClass, int? httpStatus, RecordStatus status, string? errorMessage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Record {RecordId} of {Integration} was delivered with mapping defaults for {Fields}")]
    private partial void LogDeliveredWithDefaults(long recordId, string integration, string fields);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record {RecordId} was no longer held by this worker when its attempt finished; result not applied")]
    private partial void LogClaimLost(long recordId);
}
