using System.Collections.Concurrent;
using Shouldly;
using SyncHub.Core.Writes;

namespace SyncHub.Core.Tests.Writes;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Submit_WhileAGroupIsBeingWritten_QueuedItemsAreWrittenTogetherAndEachCallerGetsItsOwnResult()
    {
        var groups = new ConcurrentQueue<int[]>();
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new GroupCommit<int, string>(
            async items =>
            {
                groups.Enqueue([.. items]);
                if (items[0] == 1)
                {
                    firstStarted.SetResult();
                    await releaseFirst.Task;
                }

                return [.. items.Select(i => "done " + i)];
            },
            maxGroup: 10);

        var first = commit.SubmitAsync(1);
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var queued = new[] { commit.SubmitAsync(2), commit.SubmitAsync(3), commit.SubmitAsync(4) };
        releaseFirst.SetResult();

        (await first).ShouldBe("done 1");
        (await Task.WhenAll(queued)).ShouldBe(["done 2", "done 3", "done 4"]);
        groups.Select(g => string.Join(",", g)).ShouldBe(["1", "2,3,4"]);
    }

    [Fact]
    public async Task Submit_MoreThanTheGroupLimitQueued_WritesThemInGroupsOfAtMostTheLimit()
    {
        var groups = new ConcurrentQueue<int>();
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new GroupCommit<int, int>(
            async items =>
            {
                groups.Enqueue(items.Count);
                if (items[0] == 0)
                {
                    firstStarted.SetResult();
                    await releaseFirst.Task;
                }

                return [.. items];
            },
            maxGroup: 2);

        var first = commit.SubmitAsync(0);
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var queued = Enumerable.Range(1, 5).Select(commit.SubmitAsync).ToList();
        releaseFirst.SetResult();

        (await first).ShouldBe(0);
        (await Task.WhenAll(queued)).ShouldBe([1, 2, 3, 4, 5]);
        groups.ShouldBe([1, 2, 2, 1]);
    }

    [Fact]
    public async Task Submit_OneItemMakesTheGroupFail_TheOthersAreWrittenAloneAndOnlyItsCallerSeesTheError()
    {
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new GroupCommit<int, int>(
            async items =>
            {
                if (items[0] == 0)
                {
                    firstStarted.SetResult();
                    await releaseFirst.Task;
                }

                return items.Contains(13) ? throw new InvalidOperationException("disk full at 13") : [.. items.Select(i => i * 2)];
            },
            maxGroup: 10);

        var first = commit.SubmitAsync(0);
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var good = commit.SubmitAsync(12);
        var bad = commit.SubmitAsync(13);
        var alsoGood = commit.SubmitAsync(14);
        releaseFirst.SetResult();

        (await first).ShouldBe(0);
        (await good).ShouldBe(24);
        (await alsoGood).ShouldBe(28);
        (await Should.ThrowAsync<InvalidOperationException>(bad)).Message.ShouldBe("disk full at 13");
    }
}
