using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Core.Dashboard;

namespace SyncHub.Core.Tests.Dashboard;

public sealed class SharedResultTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private int _computed;

    [Fact]
    public async Task GetAsync_WithinMaxAge_SharesOneResult()
    {
        using var shared = new SharedResult<string>(_time);

        var first = await shared.GetAsync(MaxAge, ComputeAsync, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        var second = await shared.GetAsync(MaxAge, ComputeAsync, CancellationToken.None);

        (first, second, _computed).ShouldBe(("result 1", "result 1", 1));
    }

    [Fact]
    public async Task GetAsync_Expired_AnswersThePreviousResultAtOnceAndRefreshesInTheBackground()
    {
        using var shared = new SharedResult<string>(_time);
        await shared.GetAsync(MaxAge, ComputeAsync, CancellationToken.None);
        _time.Advance(MaxAge);

        // The refresh is held until both stale callers have answered, so the test does not race the thread pool.
        var release = new TaskCompletionSource();
        Func<CancellationToken, Task<string>> heldCompute = async ct => { await release.Task; return await ComputeAsync(ct); };

        var stale = await shared.GetAsync(MaxAge, heldCompute, CancellationToken.None);
        var alsoStale = await shared.GetAsync(MaxAge, heldCompute, CancellationToken.None);
        release.SetResult();
        await shared.Refreshing;
        var refreshed = await shared.GetAsync(MaxAge, ComputeAsync, CancellationToken.None);

        (stale, alsoStale, refreshed, _computed).ShouldBe(("result 1", "result 1", "result 2", 2));
    }

    [Fact]
    public async Task GetAsync_BackgroundRefreshWaitsWhileACallerComputes_ItKeepsThatResultAndDoesNotComputeAgain()
    {
        using var shared = new SharedResult<string>(_time);
        await shared.GetAsync(MaxAge, ComputeAsync, CancellationToken.None);
        _time.Advance(MaxAge * 1.5);
        var release = new TaskCompletionSource();
        var computing = shared.GetAsync(TimeSpan.Zero, async ct => { await release.Task; return await ComputeAsync(ct); }, CancellationToken.None);

        var stale = await shared.GetAsync(MaxAge, ComputeAsync, CancellationToken.None);
        release.SetResult();
        await computing;
        await shared.Refreshing;
        var after = await shared.GetAsync(MaxAge, ComputeAsync, CancellationToken.None);

        (stale, after, _computed).ShouldBe(("result 1", "result 2", 2));
    }

    [Fact]
    public async Task GetAsync_OlderThanTwiceMaxAge_ComputesWhileTheCallerWaits()
    {
        using var shared = new SharedResult<string>(_time);
        await shared.GetAsync(MaxAge, ComputeAsync, CancellationToken.None);
        _time.Advance(MaxAge * 2);

        var next = await shared.GetAsync(MaxAge, ComputeAsync, CancellationToken.None);

        next.ShouldBe("result 2");
    }

    [Fact]
    public async Task GetAsync_BackgroundRefreshFailed_TheNextCallerComputesAndSeesTheFailure()
    {
        using var shared = new SharedResult<string>(_time);
        await shared.GetAsync(MaxAge, ComputeAsync, CancellationToken.None);
        _time.Advance(MaxAge);
        await shared.GetAsync(MaxAge, _ => throw new InvalidOperationException("down"), CancellationToken.None);
        await shared.Refreshing;

        await Should.ThrowAsync<InvalidOperationException>(() => shared.GetAsync(MaxAge, _ => throw new InvalidOperationException("still down"), CancellationToken.None));
        var recovered = await shared.GetAsync(MaxAge, ComputeAsync, CancellationToken.None);

        recovered.ShouldBe("result 2");
    }

    [Fact]
    public async Task GetAsync_MaxAgeZero_ComputesOnEveryCall()
    {
        using var shared = new SharedResult<string>(_time);

        await shared.GetAsync(TimeSpan.Zero, ComputeAsync, CancellationToken.None);
        var second = await shared.GetAsync(TimeSpan.Zero, ComputeAsync, CancellationToken.None);

        second.ShouldBe("result 2");
    }

    [Fact]
    public async Task GetAsync_CallersArriveWhileItComputes_TheyWaitForThatResult()
    {
        using var shared = new SharedResult<string>(_time);
        var release = new TaskCompletionSource();
        var slow = shared.GetAsync(TimeSpan.FromSeconds(5), async ct => { await release.Task; return await ComputeAsync(ct); }, CancellationToken.None);
        var waiting = Enumerable.Range(0, 5).Select(_ => shared.GetAsync(TimeSpan.FromSeconds(5), ComputeAsync, CancellationToken.None)).ToList();

        release.SetResult();

        (await slow).ShouldBe("result 1");
        (await Task.WhenAll(waiting)).ShouldAllBe(r => r == "result 1");
        _computed.ShouldBe(1);
    }

    [Fact]
    public async Task GetAsync_TheComputationThrows_TheNextCallerComputesAgain()
    {
        using var shared = new SharedResult<string>(_time);

        await Should.ThrowAsync<InvalidOperationException>(() => shared.GetAsync(TimeSpan.FromSeconds(5), _ => throw new InvalidOperationException("down"), CancellationToken.None));
        var next = await shared.GetAsync(TimeSpan.FromSeconds(5), ComputeAsync, CancellationToken.None);

        next.ShouldBe("result 1");
    }

    private Task<string> ComputeAsync(CancellationToken cancellationToken) => Task.FromResult("result " + Interlocked.Increment(ref _computed));
}
