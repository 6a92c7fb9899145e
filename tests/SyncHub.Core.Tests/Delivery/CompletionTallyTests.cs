using Shouldly;
using SyncHub.Core.Delivery;
using SyncHub.Core.Delivery.Pipeline;

namespace SyncHub.Core.Tests.Delivery;

public sealed class CompletionTallyTests
{
    [Fact]
    public void Result_WrittenResults_CountsAttemptedDeliveredAndFailed()
    {
        var tally = new CompletionTally();
        foreach (var result in new bool?[] { true, true, false, null })
        {
            tally.Handed();
            tally.Written(result);
        }

        tally.Result().ShouldBe(new BatchResult(4, 2, 1));
    }

    [Fact]
    public void AllWrittenAsync_ResultsStillPending_CompletesWithTheLast()
    {
        var tally = new CompletionTally();
        tally.Handed();
        tally.Handed();
        tally.Written(true);

        var written = tally.AllWrittenAsync();

        written.IsCompleted.ShouldBeFalse();
        tally.Written(false);
        written.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public void AllWrittenAsync_NothingHanded_CompletesAtOnce()
    {
        new CompletionTally().AllWrittenAsync().IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task Result_AWriteFailed_ThrowsItsExceptionOnceAllAreSettled()
    {
        var tally = new CompletionTally();
        tally.Handed();
        tally.Handed();
        tally.Failed(new InvalidOperationException("disk full"));
        tally.Written(true);

        await tally.AllWrittenAsync();

        Should.Throw<InvalidOperationException>(() => tally.Result()).Message.ShouldBe("disk full");
    }
}
