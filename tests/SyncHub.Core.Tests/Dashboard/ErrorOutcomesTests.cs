using Shouldly;
using SyncHub.Core.Dashboard;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Tests.Dashboard;

public sealed class ErrorOutcomesTests
{
    [Theory]
    [InlineData(AttemptTrigger.AutomaticRetry, 1, RecordStatus.Delivered, ErrorOutcome.ResolvedByAutomaticRetry)]
    [InlineData(AttemptTrigger.ManualRetry, 1, RecordStatus.Delivered, ErrorOutcome.ResolvedByManualRetry)]
    [InlineData(AttemptTrigger.ManualRetry, 2, RecordStatus.Delivered, ErrorOutcome.EditedAndRetried)]
    [InlineData(AttemptTrigger.Run, 1, RecordStatus.Delivered, ErrorOutcome.ResolvedByRun)]
    [InlineData(AttemptTrigger.Delivery, 2, RecordStatus.Delivered, ErrorOutcome.Superseded)]
    [InlineData(AttemptTrigger.Run, 3, RecordStatus.Delivered, ErrorOutcome.Superseded)]
    [InlineData(AttemptTrigger.AutomaticRetry, 2, RecordStatus.Delivered, ErrorOutcome.Superseded)]
    [InlineData(null, 0, RecordStatus.Failed, ErrorOutcome.StillFailing)]
    [InlineData(null, 0, RecordStatus.DeadLetter, ErrorOutcome.DeadLetter)]
    [InlineData(null, 0, RecordStatus.Dismissed, ErrorOutcome.Dismissed)]
    [InlineData(null, 0, RecordStatus.Pending, ErrorOutcome.Retrying)]
    [InlineData(null, 0, RecordStatus.Delivered, ErrorOutcome.DeliveredLater)]
    public void Of_ResolvingRetryOrRecordStatus_NamesTheFate(AttemptTrigger? resolvedBy, int resolvedVersion, RecordStatus status, ErrorOutcome expected) =>
        ErrorOutcomes.Of(1, resolvedBy, resolvedVersion, status).ShouldBe(expected);
}
