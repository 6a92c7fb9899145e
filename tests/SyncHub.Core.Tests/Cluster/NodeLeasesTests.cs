using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Core.Cluster;
using SyncHub.Core.Recovery;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Cluster;

/// <summary>
/// On a shared PostgreSQL store a node releases the claims of nodes whose lease ran out, and never those of a live
/// node; its start-up recovery takes back only its own claims.
/// </summary>
public sealed class NodeLeasesTests
{
    [Fact]
    public async Task ReleaseExpiredAsync_DeadAndLiveNodes_ReleasesOnlyTheDeadNodesClaims()
    {
        await using var engine = await EngineHarness.StartAsync(postgres: true);
        var (dead, live, mine) = await ThreeClaimsAsync(engine);

        var released = await engine.Get<NodeLeases>().ReleaseExpiredAsync(CancellationToken.None);

        released.ShouldBe(1);
        var record = await engine.RecordAsync(dead);
        record.Status.ShouldBe(RecordStatus.Pending);
        record.OutcomeUnknown.ShouldBeTrue("the lost attempt may have landed: look it up first");
        record.ClaimedBy.ShouldBeNull();
        (await engine.AttemptsAsync(dead)).Single().Message.ShouldBe(ClaimRelease.NodeLostMessage);
        (await engine.RecordAsync(live)).Status.ShouldBe(RecordStatus.InFlight);
        (await engine.RecordAsync(mine)).Status.ShouldBe(RecordStatus.InFlight);
    }

    [Fact]
    public async Task InFlightRecovery_OnSharedStore_TakesBackOwnClaimsButLeavesLiveNodesAlone()
    {
        await using var engine = await EngineHarness.StartAsync(postgres: true);
        var (dead, live, mine) = await ThreeClaimsAsync(engine);

        var recovered = await engine.RecoverAsync();

        recovered.ShouldBe(2);
        (await engine.RecordAsync(mine)).Status.ShouldBe(RecordStatus.Pending);
        (await engine.RecordAsync(dead)).Status.ShouldBe(RecordStatus.Pending);
        (await engine.RecordAsync(live)).Status.ShouldBe(RecordStatus.InFlight);
        (await engine.AttemptsAsync(live)).Single().Status.ShouldBe(AttemptStatus.InFlight);
    }

    [Fact]
    public async Task DeliverDueAsync_OnSharedStore_ClaimsUnderThisNodeAndDeliversEveryRecordOnce()
    {
        await using var engine = await EngineHarness.StartAsync(postgres: true, batchSize: 3);
        await engine.CreateIntegrationAsync();
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await engine.IngestAsync("books", $"INV-{i}"));
        }

        while ((await engine.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }

        foreach (var id in ids)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
            engine.Gateway.RequestsFor(id).Count.ShouldBe(1);
        }
    }

    /// <summary>Three records in flight: one under a node silent for ten minutes, one under a live node, one under this node.</summary>
    private static async Task<(long Dead, long Live, long Mine)> ThreeClaimsAsync(EngineHarness engine)
    {
        var integration = await engine.CreateIntegrationAsync();
        var now = engine.Time.GetUtcNow();
        var leases = engine.Get<NodeLeases>();
        await leases.BeatAsync(CancellationToken.None);
        var writes = engine.Get<WriteGate>();
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        db.Nodes.Add(new SyncHubNode { Id = "dead-node", StartedAt = now.AddHours(-1), HeartbeatAt = now.AddMinutes(-10) });
        db.Nodes.Add(new SyncHubNode { Id = "live-node", StartedAt = now.AddHours(-1), HeartbeatAt = now });
        await writes.WriteAsync(() => db.SaveChangesAsync());

        var owners = new[] { "dead-node", "live-node", engine.Get<NodeIdentity>().Id };
        var ids = new long[owners.Length];
        for (var i = 0; i < owners.Length; i++)
        {
            ids[i] = await engine.IngestAsync("books", $"INV-LEASE-{i}");
            var owner = owners[i];
            var id = ids[i];
            db.Attempts.Add(new SyncAttempt { RecordId = id, IntegrationId = integration.Id, Status = AttemptStatus.InFlight, StartedAt = now });
            await writes.WriteAsync(() => db.SaveChangesAsync());
            await TestRecords.UpdateAsync(writes, db, db.Records.Where(r => r.Id == id), s => s.SetProperty(r => r.Status, RecordStatus.InFlight)
                .SetProperty(r => r.ClaimToken, Guid.NewGuid()).SetProperty(r => r.ClaimedBy, owner));
        }

        return (ids[0], ids[1], ids[2]);
    }
}
