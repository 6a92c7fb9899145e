using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Breakers;
using SyncHub.Core.Delivery.Claiming;
using SyncHub.Core.Delivery.Completing;
using SyncHub.Core.Pacing;
using SyncHub.Core.Telemetry;
using static SyncHub.Core.Text.TextClip;

namespace SyncHub.Core.Delivery.Sending;

/// <summary>
/// The send stage: one held record, rendered and sent through its integration's gateway with its stable idempotency key.
/// A breaker may open (or the integration pause) while the record waited behind others: it is then handed back unsent
/// rather than sent to a destination that is down. The answer feeds the breakers and a 429 pause at once; the write of the
/// result is the completion's.
/// </summary>
internal sealed class AttemptSender(
    GatewayInvoker invoker, PayloadRenderer renderer, BreakerRegistry breakers, ConnectionPauses pauses, TimeProvider time, ILogger<AttemptSender> logger)
{
    public const string UnreadableSettings =
        "The integration's settings cannot be decrypted: the Data Protection keys they were saved with are missing. Save the settings again.";

    /// <summary>Sends the record; the returned completion carries the attempt's activity, which ends when its result is written.</summary>
    public async Task<Completion> SendAsync(ClaimedRecord work, CancellationToken cancellationToken)
    {
        // Every line logged while this record is out names it, its integration and the attempt's trace.
        var activity = DeliveryTracing.StartRecord(work.Record.Id, work.Integration.Slug, work.Trigger.ToString());
        using var scope = AttemptLogScope.Begin(logger, work.Record.Id, work.Integration.Slug, work.Trigger);
        var target = BreakerTarget.Of(work.Integration.Entity);
        try
        {
            if (!breakers.Probes.MaySend(target, work.Record.Id) || pauses.For(work.Integration.Id) is not null)
            {
                return Completion.HandBack(work, activity);
            }

            var started = time.GetTimestamp();
            var mapping = renderer.Render(work);
            var guard = new ResendGuard(work.Record.OutcomeUnknown);
            var outcome = !mapping.Succeeded ? DeliveryOutcome.Failed(ErrorClass.Transform, mapping.Error!)
                : work.Integration.Settings is { } settings
                    ? await invoker.InvokeAsync(work.Integration.Entity, Request(work, mapping.Body!, settings), guard, cancellationToken, work.Decision?.LinkTo)
                    : DeliveryOutcome.Failed(ErrorClass.ConnectorFault, UnreadableSettings);

            // The destination has answered; its result is written even if the host is stopping, so nothing is sent twice.
            breakers.Report(target, work.Record.Id, BreakerVerdicts.Of(outcome));
            PauseIfAsked(work, outcome);
            DeliveryTracing.Completed(outcome);
            return new Completion(work, outcome, time.GetElapsedTime(started), guard, mapping, activity);
        }
        finally
        {
            breakers.Probes.Release(target, work.Record.Id);
        }
    }

    /// <summary>
    /// A 429 with Retry-After pauses the whole integration for that long, so its other records wait without attempts
    /// instead of each collecting a 429 (Xero's daily limit asks for hours).
    /// </summary>
    private void PauseIfAsked(ClaimedRecord work, DeliveryOutcome outcome)
    {
        if (outcome.ErrorClass == ErrorClass.RateLimited && outcome.RetryAfter is { } wait && wait > TimeSpan.Zero)
        {
            var reason = "The destination asked to slow down (429): " + (Clip(outcome.Message, 300) ?? "rate limited");
            pauses.Pause(work.Integration.Id, time.GetUtcNow() + wait, reason);
        }
    }

    private static DeliveryRequest Request(ClaimedRecord work, string body, ConnectorSettings settings) => new()
    {
        RecordId = work.Record.Id,
        IntegrationSlug = work.Integration.Slug,
        EntityType = work.Record.EntityType,
        SourceId = work.Record.SourceId,
        IdempotencyKey = work.Record.IdempotencyKey,
        Body = body,
        Settings = settings,
        AttemptNumber = work.Record.RetryCount + 1,
        // Duplicate detection off: the destination is asked to create the record even when one like it exists.
        SkipDuplicateCheck = work.Decision is not null || !work.Integration.Entity.DuplicateDetection,
    };
}
