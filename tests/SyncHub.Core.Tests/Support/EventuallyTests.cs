using System.Diagnostics;
using Shouldly;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Support;

/// <summary>The tests' one way to wait for background work: it returns as soon as the condition holds and names what it waited for when it does not.</summary>
public sealed class EventuallyTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task TrueAsync_ConditionBecomesTrue_ReturnsWithoutProbingAgain()
    {
        var probes = 0;

        await Eventually.TrueAsync(() => ++probes == 3, "the third probe", TimeSpan.FromSeconds(10));

        probes.ShouldBe(3);
    }

    [Fact]
    public async Task TrueAsync_AsyncConditionBecomesTrue_Returns()
    {
        var probes = 0;

        await Eventually.TrueAsync(async () => { await Task.Yield(); return ++probes == 2; }, "the second probe", TimeSpan.FromSeconds(10));

        probes.ShouldBe(2);
    }

    [Fact]
    public async Task TrueAsync_ConditionNeverTrue_FailsAfterTheTimeoutNamingWhatItWaitedFor()
    {
        var clock = Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<TimeoutException>(() => Eventually.TrueAsync(() => false, "the widget to appear", Short));

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(Short);
        failure.Message.ShouldStartWith("Gave up after ");
        failure.Message.ShouldContain("waiting for the widget to appear.");
    }

    [Fact]
    public async Task TrueAsync_ConditionThrows_EndsTheWaitWithThatException()
    {
        var probes = 0;

        var failure = await Should.ThrowAsync<InvalidOperationException>(
            () => Eventually.TrueAsync(() => ++probes > 1 ? throw new InvalidOperationException("broken probe") : false, "anything", TimeSpan.FromSeconds(10)));

        failure.Message.ShouldBe("broken probe");
        probes.ShouldBe(2);
    }

    [Fact]
    public async Task MatchesAsync_ValueMatches_ReturnsTheValueThatMatched()
    {
        var reads = 0;

        var value = await Eventually.MatchesAsync(() => Task.FromResult(++reads * 10), v => v >= 30, "thirty", TimeSpan.FromSeconds(10));

        value.ShouldBe(30);
    }

    [Fact]
    public async Task MatchesAsync_NeverMatches_FailsWithTheLastValueRead()
    {
        var failure = await Should.ThrowAsync<TimeoutException>(
            () => Eventually.MatchesAsync(() => Task.FromResult("pending"), v => v == "done", "the run to finish", Short));

        failure.Message.ShouldContain("waiting for the run to finish. Last value: pending");
    }

    [Fact]
    public async Task ProgressingAsync_ProgressKeepsMoving_WaitsPastTheStallTime()
    {
        var reads = 0;
        var clock = Stopwatch.StartNew();

        var value = await Eventually.ProgressingAsync(() => Task.FromResult(++reads), v => v == 12, v => v, "twelve reads", Short);

        value.ShouldBe(12);
        clock.Elapsed.ShouldBeGreaterThan(Short);
    }

    [Fact]
    public async Task ProgressingAsync_ProgressStops_FailsAfterTheStallTimeWithTheLastValue()
    {
        var reads = 0;

        var failure = await Should.ThrowAsync<TimeoutException>(
            () => Eventually.ProgressingAsync(() => Task.FromResult(Math.Min(++reads, 3)), v => v == 10, v => v, "ten deliveries", Short));

        failure.Message.ShouldContain("waiting for ten deliveries. Last value: 3");
    }
}
