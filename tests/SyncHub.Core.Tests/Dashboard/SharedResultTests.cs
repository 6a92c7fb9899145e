using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Core.Dashboard;

namespace SyncHub.Core.Tests.Dashboard;

public sealed class SharedResultTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private int _computed;

    [Fact]
    public async Task GetAsync_WithinMaxAge_SharesOneResultAndRecomputesAfterIt()
    {
        using var shared = new SharedResult<string>(_time);
        var maxAge = TimeSpan.FromSeconds(5);

        var first = await shared.GetAsync(maxAge, ComputeAsync, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        var second = await shared.GetAsync(maxAge, ComputeAsync, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var third = await shared.GetAsync(maxAge, ComputeAsync, CancellationToken.None);

        (first, second, third).ShouldBe(("result 1", "result 1", "result 2"));
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
