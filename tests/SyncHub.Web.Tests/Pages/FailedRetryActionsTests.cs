using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.Web.Pages.Failed;

namespace SyncHub.Web.Tests.Pages;

public sealed class FailedRetryActionsTests
{
    [Fact]
    public void RetryMessage_AllReached_CountsDeliveredAndFailed()
    {
        var message = FailedRetryActions.RetryMessage(Ended(total: 3, succeeded: 2, failed: 1), selected: 3, deadLetters: false);

        message.ShouldBe("Retried 3 of 3 selected: 2 delivered, 1 failed again.");
    }

    [Fact]
    public void RetryMessage_DeadLettersFailedAgainAndSomeNotReached_SaysBoth()
    {
        var message = FailedRetryActions.RetryMessage(Ended(total: 1, succeeded: 0, failed: 1), selected: 2, deadLetters: true);

        message.ShouldBe("Retried 1 of 2 selected: 0 delivered, 1 failed again. Records that failed again stay in the dead-letter queue."
            + " The others were no longer in the queue or were already being retried.");
    }

    [Fact]
    public void RetryMessage_StillRunning_SaysTheRestWaitForTheBreaker()
    {
        var running = Ended(total: 2, succeeded: 0, failed: 0);
        running.Status = OperationStatus.Running;

        FailedRetryActions.RetryMessage(running, selected: 2, deadLetters: false).ShouldEndWith("retried in the background when it lets them through.");
    }

    private static RetryOperation Ended(int total, int succeeded, int failed) =>
        new() { Id = Guid.NewGuid(), Status = OperationStatus.Completed, Total = total, Succeeded = succeeded, Failed = failed };
}
