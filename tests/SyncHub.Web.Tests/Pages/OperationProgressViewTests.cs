using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.Web.Pages.Failed;

namespace SyncHub.Web.Tests.Pages;

/// <summary>The progress panel's rate and time left come from the operation's own progress.</summary>
public sealed class OperationProgressViewTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TimeLeft_TenOfHundredDoneInTwoMinutes_FiveAMinuteAndEighteenMinutesLeft()
    {
        var view = View(total: 100, succeeded: 8, failed: 2, elapsed: TimeSpan.FromMinutes(2));

        view.RatePerMinute.ShouldBe(5);
        view.TimeLeft.ShouldBe(TimeSpan.FromMinutes(18));
        OperationProgressView.Describe(view.TimeLeft!.Value).ShouldBe("about 18 min");
    }

    [Fact]
    public void TimeLeft_NothingDoneYet_IsUnknown()
    {
        var view = View(total: 100_000, succeeded: 0, failed: 0, elapsed: TimeSpan.FromMinutes(1));

        view.RatePerMinute.ShouldBeNull();
        view.TimeLeft.ShouldBeNull();
    }

    [Fact]
    public void Describe_Hours_ShowsHoursAndMinutes() =>
        OperationProgressView.Describe(TimeSpan.FromMinutes(135)).ShouldBe("about 2 h 15 min");

    private static OperationProgressView View(int total, int succeeded, int failed, TimeSpan elapsed) => new(
        new RetryOperation { Id = Guid.NewGuid(), Status = OperationStatus.Running, Total = total, Succeeded = succeeded, Failed = failed, CreatedAt = Started },
        null,
        Now: Started + elapsed);
}
