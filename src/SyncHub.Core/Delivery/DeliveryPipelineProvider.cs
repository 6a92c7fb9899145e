using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SyncHub.Connectors;
using SyncHub.Core.Retries;

namespace SyncHub.Core.Delivery;

/// <summary>
/// One Polly pipeline per integration: a per-try timeout inside an in-call retry for transient errors
/// (exponential with jitter, honouring a short Retry-After). Longer waits are the scheduler's job.
/// </summary>
public sealed class DeliveryPipelineProvider(TimeProvider time, IOptions<DeliveryOptions> options)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<DeliveryOutcome>> _pipelines = new(StringComparer.Ordinal);

    public ResiliencePipeline<DeliveryOutcome> For(string integrationSlug) => _pipelines.GetOrAdd(integrationSlug, _ => Build());

    private ResiliencePipeline<DeliveryOutcome> Build()
    {
        var settings = options.Value;
        var maxRetryAfter = TimeSpan.FromSeconds(settings.InCallMaxRetryAfterSeconds);
        var builder = new ResiliencePipelineBuilder<DeliveryOutcome> { TimeProvider = time };
        if (settings.InCallRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<DeliveryOutcome>
            {
                MaxRetryAttempts = settings.InCallRetries,
                Delay = TimeSpan.FromMilliseconds(settings.InCallBaseDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetryInCall(args.Outcome, maxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
            });
        }

        builder.AddTimeout(TimeSpan.FromSeconds(settings.CallTimeoutSeconds));
        return builder.Build();
    }

    internal static bool ShouldRetryInCall(Outcome<DeliveryOutcome> outcome, TimeSpan maxRetryAfter) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { IsDelivered: false } result } => ErrorClassPolicy.IsAutomaticallyRetryable(result.ErrorClass)
            && (result.RetryAfter is null || result.RetryAfter <= maxRetryAfter),
        _ => false,
    };
}
