using Shouldly;
using SyncHub.Core.Retries;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Retries;

public sealed class BackoffCalculatorTests
{
    private static readonly RetryPolicy Defaults = new();

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 60)]
    [InlineData(2, 120)]
    [InlineData(5, 960)]
    [InlineData(7, 3600)]
    [InlineData(20, 3600)]
    public void DelayFor_PinnedJitter_IsExponentialAndCapped(int retryIndex, double expectedSeconds) =>
        new BackoffCalculator(new FixedJitter()).DelayFor(retryIndex, Defaults).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Theory]
    [InlineData(0.0, 24)]
    [InlineData(0.999999, 36)]
    public void DelayFor_JitterExtremes_StayWithinTwentyPercent(double jitter, double expectedSeconds) =>
        new BackoffCalculator(new FixedJitter(jitter)).DelayFor(0, Defaults).TotalSeconds.ShouldBe(expectedSeconds, 0.01);

    [Fact]
    public void DelayFor_JitterAtCap_NeverExceedsCap() =>
        new BackoffCalculator(new FixedJitter(0.999)).DelayFor(30, Defaults).ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(1));

    [Fact]
    public void DelayFor_RetryAfterLongerThanBackoff_WaitsRetryAfter() =>
        new BackoffCalculator(new FixedJitter()).DelayFor(0, Defaults, TimeSpan.FromMinutes(10)).ShouldBe(TimeSpan.FromMinutes(10));

    [Fact]
    public void DelayFor_RetryAfterShorterThanBackoff_KeepsBackoff() =>
        new BackoffCalculator(new FixedJitter()).DelayFor(2, Defaults, TimeSpan.FromSeconds(5)).ShouldBe(TimeSpan.FromSeconds(120));
}
