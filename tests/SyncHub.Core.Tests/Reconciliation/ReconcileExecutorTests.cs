using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Reconciliation;

public sealed class ReconcileExecutorTests
{
    [Fact]
    public async Task Compare_OneLostAndOneEditedAtTheDestination_CountsAndListsThemWithWhatDiffers()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("recon-basic", 3);
        harness.Destination.Lose("INV-1").Change("INV-2", "amount", "99");

        var run = await harness.ReconcileAsync(integration);

        run.Status.ShouldBe(ReconcileStatus.Completed, run.Note);
        (run.SourceRecords, run.DestinationRecords, run.Matching, run.Missing, run.Different, run.Extra).ShouldBe((3, 2, 1, 1, 1, 0));
        var rows = await harness.DifferencesAsync(run.Id);
        var missing = rows.Single(r => r.Kind == ReconcileDifferenceKind.Missing);
        missing.SourceId.ShouldBe("INV-1");
        missing.RecordStatus.ShouldBe(RecordStatus.Delivered);
        missing.Resyncable.ShouldBeTrue();
        var different = rows.Single(r => r.Kind == ReconcileDifferenceKind.Different);
        different.SourceId.ShouldBe("INV-2");
        different.Fields.ShouldBe([new Core.Reconciliation.FieldDifference("amount", "20.5", "99")]);
        different.ExternalId.ShouldBe("D-INV-2");
    }

    [Fact]
    public async Task Compare_ARecordNobodySentAndASecondCopy_AreExtra_ButOneSyncHubHoldsOutsideTheRangeIsNot()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("recon-extra", 1);
        harness.Time.Advance(TimeSpan.FromDays(2));
        await harness.IngestAsync("recon-extra", "LATER-1", """{"amount": 1}""");
        await harness.DeliverAllAsync();
        harness.Destination.AddForeign("MANUAL-7", """{"amount": 7}""");

        var run = await harness.ReconcileAsync(integration);

        run.Extra.ShouldBe(1);
        var extra = (await harness.DifferencesAsync(run.Id, ReconcileDifferenceKind.Extra)).ShouldHaveSingleItem();
        extra.Reference.ShouldBe("MANUAL-7");
        extra.SourceId.ShouldBeNull();
        extra.Label.ShouldBe("held MANUAL-7");
        extra.Resyncable.ShouldBeFalse();
        run.Matching.ShouldBe(1);
    }

    [Fact]
    public async Task Compare_DestinationHoldsARecordTwice_TheSecondCopyIsExtra()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("recon-twice", 1);
        harness.Destination.AddCopy("INV-1");

        var run = await harness.ReconcileAsync(integration);

        (run.Matching, run.Extra).ShouldBe((1, 1));
        var extra = (await harness.DifferencesAsync(run.Id, ReconcileDifferenceKind.Extra)).Single();
        extra.Note.ShouldBe("A second copy of INV-1 at the destination.");
        extra.ExternalId.ShouldBe("D2-INV-1");
    }

    [Fact]
    public async Task Compare_OnlyRecordsOfTheRange_AreCompared()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("recon-range", 2);
        harness.Destination.Lose("INV-1").Lose("INV-2");

        var run = await harness.ReconcileAsync(integration, Reconciling.Day.AddDays(1), Reconciling.Day.AddDays(2));

        run.Status.ShouldBe(ReconcileStatus.Completed);
        (run.SourceRecords, run.Missing).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Compare_ListingFails_TheRunFailsWithTheReasonAndRecordsNothing()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("recon-fails", 2);
        harness.Destination.ThenListFails(ErrorClass.Authorization, "Token lacks the read scope");

        var run = await harness.ReconcileAsync(integration);

        run.Status.ShouldBe(ReconcileStatus.Failed);
        run.Note.ShouldBe("The destination's invoice records could not be listed (Authorization): Token lacks the read scope");
        (await harness.DifferencesAsync(run.Id)).ShouldBeEmpty();
        run.Missing.ShouldBe(0);
    }

    [Fact]
    public async Task Compare_ListingRateLimited_WaitsForRetryAfterThenCompletes()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("recon-429", 1);
        harness.Destination.ThenListFails(ErrorClass.RateLimited, "Slow down", TimeSpan.FromSeconds(20));
        var started = await harness.Get<Core.Reconciliation.ReconcileService>().StartAsync(
            new Core.Reconciliation.ReconcileRequest(integration.Id, Reconciling.Day, Reconciling.Day.AddDays(1), "ops"), CancellationToken.None);

        var work = harness.Get<Core.Reconciliation.ReconcileWorkRunner>().RunAsync(new Core.Reconciliation.ReconcileWork(started.Run!.Id, false), CancellationToken.None);
        await Eventually.TrueAsync(() => harness.Destination.Listings.Count == 1, "the first listing");
        // A window in which a comparison that ignored Retry-After would list again and finish: a check that nothing happens.
        await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        work.IsCompleted.ShouldBeFalse();
        harness.Time.Advance(TimeSpan.FromSeconds(20));
        await work.WaitAsync(TimeSpan.FromSeconds(10));

        var run = await harness.RunAsync(started.Run.Id);
        run.Status.ShouldBe(ReconcileStatus.Completed, run.Note);
        run.Matching.ShouldBe(1);
        harness.Destination.Listings.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Compare_ByLookUp_FindsMissingAndDifferent_AndCannotSeeExtra()
    {
        await using var harness = await EngineHarness.StartAsync();
        harness.Destination.Mode = DestinationReadMode.Lookup;
        var integration = await harness.DeliveredAsync("recon-lookup", 3);
        harness.Destination.Lose("INV-1").Change("INV-3", "customer", "Other").AddForeign("MANUAL-1", """{"amount": 1}""");

        var run = await harness.ReconcileAsync(integration);

        run.Mode.ShouldBe(DestinationReadMode.Lookup);
        (run.Matching, run.Missing, run.Different, run.Extra).ShouldBe((1, 1, 1, 0));
        harness.Destination.Listings.ShouldBeEmpty();
        harness.Destination.Fetches.Select(f => f.SourceId).Order().ShouldBe(["INV-1", "INV-2", "INV-3"]);
        harness.Destination.Fetches.ShouldAllBe(f => f.IdempotencyKey != null && f.IdempotencyKey.EndsWith(".1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Compare_ByLookUp_FiveFailuresInARow_FailsTheRun()
    {
        await using var harness = await EngineHarness.StartAsync();
        harness.Destination.Mode = DestinationReadMode.Lookup;
        var integration = await harness.DeliveredAsync("recon-down", 6);
        for (var i = 0; i < 5; i++)
        {
            harness.Destination.ThenFetch(DestinationFetch.Failed(ErrorClass.Validation, "Bad look-up " + i));
        }

        var run = await harness.ReconcileAsync(integration);

        run.Status.ShouldBe(ReconcileStatus.Failed);
        run.Note.ShouldNotBeNull().ShouldContain("5 failed in a row");
        run.Note.ShouldContain("Bad look-up 4");
    }

    [Fact]
    public async Task Compare_ByLookUp_OneFailedLookUp_IsNotComparedAndTheRestGoesOn()
    {
        await using var harness = await EngineHarness.StartAsync();
        harness.Destination.Mode = DestinationReadMode.Lookup;
        var integration = await harness.DeliveredAsync("recon-one-fails", 2);
        harness.Destination.ThenFetch(DestinationFetch.Failed(ErrorClass.Validation, "<b>bad</b>"));

        var run = await harness.ReconcileAsync(integration);

        (run.Status, run.NotCompared, run.Matching).ShouldBe((ReconcileStatus.Completed, 1, 1));
        (await harness.DifferencesAsync(run.Id, ReconcileDifferenceKind.NotCompared)).Single().Note.ShouldBe("The look-up failed (Validation): <b>bad</b>");
    }

    [Fact]
    public async Task Compare_MappingFails_ThatRecordIsNotCompared()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.CreateIntegrationAsync("recon-mapping", connector: FakeDestinationGateway.Name,
            mapping: """amount {{ payload.amount }}""");
        await harness.IngestAsync("recon-mapping", "INV-1");

        var run = await harness.ReconcileAsync(integration);

        run.NotCompared.ShouldBe(1);
        (await harness.DifferencesAsync(run.Id)).Single().Note.ShouldStartWith("Its mapping fails");
    }

    [Fact]
    public async Task Compare_RangeHoldsMoreThanMaxRecords_ComparesTheFirstAndSaysSo()
    {
        await using var harness = await EngineHarness.StartAsync(settings: new Dictionary<string, string?> { ["SyncHub:Reconciliation:MaxRecords"] = "2" });
        var integration = await harness.DeliveredAsync("recon-bound", 3);

        var run = await harness.ReconcileAsync(integration);

        run.Status.ShouldBe(ReconcileStatus.Completed);
        run.Truncated.ShouldBeTrue();
        run.SourceRecords.ShouldBe(2);
        run.Note.ShouldNotBeNull().ShouldContain("Only part of the range was compared");
    }

    [Fact]
    public async Task Compare_ListingLongerThanTheBound_LooksUpTheRecordsItDidNotReach()
    {
        await using var harness = await EngineHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["SyncHub:Reconciliation:MaxDestinationRecords"] = "1", ["SyncHub:Reconciliation:PageSize"] = "1",
        });
        var integration = await harness.DeliveredAsync("recon-cut", 3);
        harness.Destination.Lose("INV-3");

        var run = await harness.ReconcileAsync(integration);

        (run.Matching, run.Missing, run.Truncated).ShouldBe((2, 1, true));
        harness.Destination.Fetches.Select(f => f.SourceId).Order().ShouldBe(["INV-2", "INV-3"]);
    }

    [Fact]
    public async Task Compare_SourceHasARecordSyncHubLacks_MissingWithItsPayloadKept()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("recon-source", 1);
        harness.Destination.AddSource("NEW-1", Reconciling.Day.AddHours(3), """{"amount": 5}""");
        await harness.ReadByRunsAsync(integration);

        var run = await harness.ReconcileAsync(integration);

        (run.SourceRecords, run.Missing, run.Matching).ShouldBe((2, 1, 1));
        var missing = (await harness.DifferencesAsync(run.Id, ReconcileDifferenceKind.Missing)).Single();
        (missing.SourceId, missing.RecordId).ShouldBe(("NEW-1", null));
        missing.Note.ShouldBe("Not in SyncHub yet: the source read found it.");
        await using var db = await harness.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        (await db.ReconcileDifferences.SingleAsync(d => d.RunId == run.Id)).SourcePayload.ShouldBe("""{"amount": 5}""");
    }

    [Fact]
    public async Task Compare_IntegrationNoRunReads_TheSourceIsNotRead()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("recon-no-runs", 1);
        harness.Destination.AddSource("NEW-1", Reconciling.Day.AddHours(3), """{"amount": 5}""");

        var run = await harness.ReconcileAsync(integration);

        (run.SourceRecords, run.Missing, run.Matching).ShouldBe((1, 0, 1));
    }

    [Fact]
    public async Task Compare_DestinationDown_TriedAgainAfter1And5And15Seconds_ThenTheRunFails()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("recon-throws", 1);
        harness.Destination.ThenListFails(ErrorClass.ServerError, "boom");
        harness.Destination.ThenListFails(ErrorClass.ServerError, "boom");
        harness.Destination.ThenListFails(ErrorClass.ServerError, "boom");
        harness.Destination.ThenListFails(ErrorClass.ServerError, "still down");
        var started = await harness.Get<Core.Reconciliation.ReconcileService>().StartAsync(
            new Core.Reconciliation.ReconcileRequest(integration.Id, Reconciling.Day, Reconciling.Day.AddDays(1), "ops"), CancellationToken.None);

        var work = harness.Get<Core.Reconciliation.ReconcileWorkRunner>().RunAsync(new Core.Reconciliation.ReconcileWork(started.Run!.Id, false), CancellationToken.None);
        foreach (var (listings, wait) in new[] { (1, 1), (2, 5), (3, 15) })
        {
            await Eventually.TrueAsync(() => harness.Destination.Listings.Count == listings, $"listing {listings}");
            harness.Time.Advance(TimeSpan.FromSeconds(wait));
        }

        await work.WaitAsync(TimeSpan.FromSeconds(10));
        var run = await harness.RunAsync(started.Run.Id);
        run.Status.ShouldBe(ReconcileStatus.Failed);
        run.Note.ShouldEndWith("still down");
        harness.Destination.Listings.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Compare_ConnectorThrows_TheRunFailsWithTheConnectorsErrorInsteadOfCrashing()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("recon-throws", 1);
        harness.Destination.ThenListThrows(new InvalidOperationException("plugin bug"));

        var run = await harness.ReconcileAsync(integration);

        run.Status.ShouldBe(ReconcileStatus.Failed);
        run.Note.ShouldEndWith("The connector failed: InvalidOperationException: plugin bug");
    }
}
