using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;
using SyncHub.Connectors;
using SyncHub.Core.Retries;

namespace SyncHub.Core.Delivery;

/// <summary>
/// One Polly pipeline per integration, kept in Polly's registry: a per-try timeout inside an in-call retry for transient
/// errors, waiting by the same backoff formula as the scheduled retries (honouring a short Retry-After). Longer waits are
/// the scheduler's job. The registry is this class's own, without Polly's telemetry, which would cost every call.
/// </summary>
public sealed class DeliveryPipelineProvider(TimeProvider time, BackoffCalculator backoff, IOptions<DeliveryOptions> options) : IDisposable
{
    /// <summary>The in-call waits double from the base and stop at 30 s (as Polly's own default does): a call must not hold a worker long.</summary>
    private const double InCallFactor = 2;
    private const double InCallMaxSeconds = 30;

    private readonly ResiliencePipelineRegistry<string> _registry = new(new ResiliencePipelineRegistryOptions<string> { BuilderComparer = StringComparer.Ordinal, PipelineComparer = StringComparer.Ordinal });

    public ResiliencePipeline<DeliveryOutcome> For(string integrationSlug) => _registry.GetOrAddPipeline<DeliveryOutcome>(integrationSlug, Configure);

    public void Dispose() => _registry.Dispose();

    private void Configure(ResiliencePipelineBuilder<DeliveryOutcome> builder)
    {
        var settings = options.Value;
        var maxRetryAfter = TimeSpan.FromSeconds(settings.InCallMaxRetryAfterSeconds);
        var shape = new BackoffShape(settings.InCallBaseDelayMilliseconds / 1000.0, InCallFactor, InCallMaxSeconds);
        builder.TimeProvider = time;
        if (settings.InCallRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<DeliveryOutcome>
            {
                MaxRetryAttempts = settings.InCallRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetryInCall(args.Outcome, maxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(backoff.DelayFor(args.AttemptNumber, shape, args.Outcome.Result?.RetryAfter)),
            });
        }

        builder.AddTimeout(TimeSpan.FromSeconds(settings.CallTimeoutSeconds));
    }

    internal static bool ShouldRetryInCall(Outcome<DeliveryOutcome> outcome, TimeSpan maxRetryAfter) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { IsDelivered: false } result } => ErrorClassPolicy.IsAutomaticallyRetryable(result.ErrorClass)
            && (result.RetryAfter is null || result.RetryAfter <= maxRetryAfter),
        _ => false,
    };
}
