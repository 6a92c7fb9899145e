using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Delivery;
using SyncHub.Core.Retries;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Delivery;

public sealed class DeliveryPipelineProviderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void For_SameIntegration_OnePipeline()
    {
        using var provider = Provider();

        provider.For("shop").ShouldBeSameAs(provider.For("shop"));
        provider.For("shop").ShouldNotBeSameAs(provider.For("books"));
    }

    [Fact]
    public async Task For_TransientFailure_RetriesAfterTheBackoffFormulasDelay()
    {
        using var provider = Provider(baseDelayMilliseconds: 200);
        var calls = 0;

        var running = provider.For("shop").ExecuteAsync(
            _ => ValueTask.FromResult(++calls == 1 ? DeliveryOutcome.Failed(ErrorClass.Transient, "503") : DeliveryOutcome.Delivered("x-1")),
            CancellationToken.None).AsTask();

        // Pinned jitter gives the nominal wait: base × 2^0 = 200 ms before the first in-call retry.
        _time.Advance(TimeSpan.FromMilliseconds(199));
        calls.ShouldBe(1);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await running).IsDelivered.ShouldBeTrue();
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task For_ShortRetryAfter_WaitsAtLeastThat()
    {
        using var provider = Provider(baseDelayMilliseconds: 200);
        var calls = 0;

        var running = provider.For("shop").ExecuteAsync(
            _ => ValueTask.FromResult(++calls == 1 ? DeliveryOutcome.Failed(ErrorClass.RateLimited, "429", 429, TimeSpan.FromSeconds(2)) : DeliveryOutcome.Delivered("x-1")),
            CancellationToken.None).AsTask();

        _time.Advance(TimeSpan.FromMilliseconds(1_999));
        calls.ShouldBe(1);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await running).IsDelivered.ShouldBeTrue();
    }

    private DeliveryPipelineProvider Provider(int baseDelayMilliseconds = 200) =>
        new(_time, new BackoffCalculator(new FixedJitter()), Options.Create(new DeliveryOptions { InCallRetries = 2, InCallBaseDelayMilliseconds = baseDelayMilliseconds }));
}
