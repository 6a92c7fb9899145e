using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Core.Plugins.Isolation;

namespace SyncHub.Core.Tests.Plugins;

public sealed class RestartPolicyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(7, 32)]
    [InlineData(8, 60)]
    [InlineData(50, 60)]
    public void BackoffFor_RestartsInTheWindow_DoublesFromTheSecondUpToAMinute(int restarts, int seconds) =>
        RestartPolicy.BackoffFor(restarts).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void EnsureMayStart_FirstRestart_StartsAtOnce()
    {
        var policy = Policy(out _);

        policy.Restarted("exited unexpectedly (exit code 3)", ["leaks-memory"]).ShouldBe(TimeSpan.Zero);

        Should.NotThrow(policy.EnsureMayStart);
    }

    [Fact]
    public void EnsureMayStart_WithinTheBackoff_UnavailableWithTheCauseAndTheRemainingWait()
    {
        var policy = Policy(out _);
        policy.Restarted("exited unexpectedly (exit code 3)", ["leaks-memory"]);
        policy.Restarted("used 200 MB (limit 160 MB)", ["leaks-memory"]).ShouldBe(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromMilliseconds(400));

        var refused = Should.Throw<PluginUnavailableException>(policy.EnsureMayStart);

        refused.Message.ShouldBe("used 200 MB (limit 160 MB)");
        refused.RetryAfter.ShouldBe(TimeSpan.FromMilliseconds(600));
        _time.Advance(TimeSpan.FromMilliseconds(600));
        Should.NotThrow(policy.EnsureMayStart);
    }

    [Fact]
    public void Restarted_SeveralConnectors_EachReportedToHealthAndTheBackoffFollowsTheMostRestarted()
    {
        var policy = Policy(out var health);
        health.Restarted("a", "earlier");
        health.Restarted("a", "earlier");

        var backoff = policy.Restarted("exited unexpectedly (exit code 1)", ["a", "b"]);

        backoff.ShouldBe(TimeSpan.FromSeconds(2));
        health.RecentRestarts("a").ShouldBe(3);
        health.RecentRestarts("b").ShouldBe(1);
    }

    private RestartPolicy Policy(out PluginHealth health)
    {
        health = new PluginHealth(_time, TimeSpan.FromHours(1));
        return new RestartPolicy("SyncHub.Connectors.LeaksMemory", health, _time, NullLogger.Instance);
    }
}
