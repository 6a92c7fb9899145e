using Shouldly;
using SyncHub.Core.Reconciliation;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Reconciliation;

public sealed class ReconcileQueryTests
{
    [Fact]
    public async Task Differences_KeysetPages_FollowEachOtherWithoutGapsOrRepeats()
    {
        await using var harness = await EngineHarness.StartAsync();
        var integration = await harness.DeliveredAsync("query-pages", 5);
        foreach (var i in Enumerable.Range(1, 5))
        {
            harness.Destination.Lose($"INV-{i}");
        }

        var run = await harness.ReconcileAsync(integration);
        var query = harness.Get<ReconcileQuery>();

        var first = await query.DifferencesAsync(run.Id, ReconcileDifferenceKind.Missing, null, 2, CancellationToken.None);
        var second = await query.DifferencesAsync(run.Id, ReconcileDifferenceKind.Missing, first[^1].Id, 2, CancellationToken.None);
        var third = await query.DifferencesAsync(run.Id, ReconcileDifferenceKind.Missing, second[^1].Id, 2, CancellationToken.None);
        var extra = await query.DifferencesAsync(run.Id, ReconcileDifferenceKind.Extra, null, 2, CancellationToken.None);

        first.Concat(second).Concat(third).Select(d => d.SourceId).ShouldBe(["INV-1", "INV-2", "INV-3", "INV-4", "INV-5"]);
        third.Count.ShouldBe(1);
        extra.ShouldBeEmpty();
    }
}
