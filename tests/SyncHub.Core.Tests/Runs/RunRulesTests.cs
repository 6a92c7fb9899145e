using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Runs;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Tests.Runs;

/// <summary>The rules a run follows, each on its own (no store, no connector): window, retry plan, tally, breaker, shape.</summary>
public sealed class RunRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Window_IncrementalBeforeTheCutOff_StartsAtTheCutOff()
    {
        var integration = Integration();
        integration.Checkpoint = Now.AddDays(-10);
        integration.CutOffDate = Now.AddDays(-3);

        RunLoader.Window(Run(RunMode.Incremental), integration).ShouldBe((Now.AddDays(-3), Now));
    }

    [Fact]
    public void Window_DateRange_ReadsTheRange()
    {
        var run = Run(RunMode.DateRange);
        run.RangeFrom = Now.AddDays(-2);
        run.RangeTo = Now.AddDays(-1);

        RunLoader.Window(run, Integration()).ShouldBe((Now.AddDays(-2), Now.AddDays(-1)));
    }

    [Fact]
    public void RetryPlan_RetriesLeft_SetsTheDueTimeAndIsNotFinal()
    {
        var run = Run(RunMode.Full);
        run.RetryNumber = 1;

        var plan = RunRetryPlan.For(run, Integration(), Now);

        plan.Final.ShouldBeFalse();
        run.RetryDueAt.ShouldBe(Now.AddMinutes(30));
        plan.Note.ShouldBe("Retry 2 of 3 runs at 2026-11-23 09:30 UTC.");
    }

    [Fact]
    public void RetryPlan_AllRetriesUsed_IsFinalAndExhausted()
    {
        var run = Run(RunMode.Full);
        run.RetryNumber = 3;

        var plan = RunRetryPlan.For(run, Integration(), Now);

        plan.ShouldBe(new RunRetryPlan("All 3 automatic retries failed; the administrator was notified.", true, true, 3));
        run.RetryDueAt.ShouldBeNull();
    }

    [Fact]
    public void RetryPlan_RetriesOff_IsFinalWithoutExhausting()
    {
        var integration = Integration();
        integration.Runs.RetryOnFailure = false;

        var plan = RunRetryPlan.For(Run(RunMode.Full), integration, Now);

        plan.Final.ShouldBeTrue();
        plan.Exhausted.ShouldBeFalse();
    }

    [Fact]
    public void Count_DeliveredUpdateSkippedAndFailed_LandInTheirCounters()
    {
        var context = Context();
        List<StagedRecord> staged = [new(1, false), new(2, true), new(3, false), new(4, false), new(5, false)];

        RunTally.Count(context, staged, [(1, RecordStatus.Delivered, null), (2, RecordStatus.Delivered, null), (3, RecordStatus.Blocked, null),
            (4, RecordStatus.DeadLetter, ErrorClass.Validation), (5, RecordStatus.Pending, null)]);

        (context.Run.Created, context.Run.Updated, context.Run.Skipped, context.Run.Failed).ShouldBe((1, 1, 1, 1));
    }

    [Fact]
    public void BreakerNote_MostOfEnoughFailed_Trips()
    {
        var context = Context();
        context.Run.Created = 4;
        context.Run.Failed = 6;

        RunTally.BreakerNote(context).ShouldNotBeNull().ShouldStartWith("Circuit breaker: 6 of 10 processed records failed");
    }

    [Fact]
    public void BreakerNote_TooFewProcessedOrHalfFailed_DoesNotTrip()
    {
        var few = Context();
        few.Run.Failed = 9;
        var half = Context();
        half.Run.Created = 5;
        half.Run.Failed = 5;

        RunTally.BreakerNote(few).ShouldBeNull();
        RunTally.BreakerNote(half).ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"total":1}""", null)]
    [InlineData("[1,2]", "The source sent a JSON array where a record (a JSON object) was expected.")]
    public void SourceRecordShape_Payload_IsCheckedForAnObject(string payload, string? expected)
    {
        SourceRecordShape.Check(new SourceRecord("invoice", "INV-1", payload, Now)).ShouldBe(expected);
    }

    [Fact]
    public void SourceRecordShape_PayloadNotJson_SaysSo()
    {
        SourceRecordShape.Check(new SourceRecord("invoice", "INV-1", "{oops", Now)).ShouldNotBeNull().ShouldStartWith("The source sent a payload that is not JSON");
    }

    [Fact]
    public void Untrusted_LongOrBlankProviderText_IsCutOrNamed()
    {
        RunPageReader.Untrusted(new string('x', 600)).Length.ShouldBe(500);
        RunPageReader.Untrusted("  ").ShouldBe("no details");
    }

    [Fact]
    public void Take_UnchangedDeliveredRecord_IsSkipped()
    {
        var record = Record(RecordStatus.Delivered, "{}");

        RunStager.Take(Context(), record, new SourceRecord("invoice", "INV-1", "{}", Now), Now).ShouldBeNull();
        record.Status.ShouldBe(RecordStatus.Delivered);
    }

    [Fact]
    public void Take_ChangedDeliveredRecord_IsStagedAsAnUpdateWithANewVersion()
    {
        var record = Record(RecordStatus.Delivered, "{}");
        record.DeliveredAt = Now.AddDays(-1);
        var context = Context();

        RunStager.Take(context, record, new SourceRecord("invoice", "INV-1", """{"total":2}""", Now), Now).ShouldBe(true);
        (record.Status, record.PayloadVersion, record.RunId).ShouldBe((RecordStatus.Pending, 2, context.Run.Id));
    }

    [Fact]
    public void Take_ChangedRecordInFlight_IsHandedOver()
    {
        var record = Record(RecordStatus.InFlight, "{}");
        var context = Context();

        RunStager.Take(context, record, new SourceRecord("invoice", "INV-1", """{"total":2}""", Now), Now).ShouldBeNull();
        context.HandedOver.ShouldBe(1);
        record.Status.ShouldBe(RecordStatus.InFlight);
    }

    private static SyncRun Run(RunMode mode) => new() { Id = 7, IntegrationId = 1, Mode = mode, Status = RunStatus.Running, StartedAt = Now };

    private static Integration Integration() => new() { Id = 1, Slug = "books", Name = "Books", Connector = "fake" };

    private static RunContext Context() => new(Run(RunMode.Full), Integration(), null!, null, ConnectorSettings.Empty);

    private static SyncRecord Record(RecordStatus status, string payload) => new()
    {
        Id = 1, IntegrationId = 1, EntityType = "invoice", SourceId = "INV-1", Payload = payload, IdempotencyBase = "i1", Status = status,
    };
}
