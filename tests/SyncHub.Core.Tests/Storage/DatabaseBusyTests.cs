using Microsoft.Data.Sqlite;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Storage;

/// <summary>Another writer holding SQLite's lock makes the engine wait, not fail or leave half-written state.</summary>
public sealed class DatabaseBusyTests
{
    [Fact]
    public async Task DeliverDue_WriteLockHeldByAnotherConnection_WaitsThenCompletesCleanly()
    {
        // SQLite's database-wide write lock is the subject, so this runs on SQLite whichever store the suite is on.
        await using var engine = await EngineHarness.StartAsync(postgres: false);
        await engine.CreateIntegrationAsync();
        var ids = new[] { await engine.IngestAsync("books", "A"), await engine.IngestAsync("books", "B") };
        await using var intruder = new SqliteConnection(engine.ConnectionString);
        await intruder.OpenAsync();
        await using (var begin = intruder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        // SQLite waits for a lock synchronously, so the delivery runs on its own thread, as the jobs do.
        var delivery = Task.Run(() => engine.Orchestrator.DeliverDueAsync(CancellationToken.None));
        // The lock is held for a while, and the delivery must not end in that time: a check that nothing happens.
        await Task.Delay(TimeSpan.FromMilliseconds(300), TimeProvider.System);
        delivery.IsCompleted.ShouldBeFalse($"the claim must wait for the lock, but it ended: {delivery.Exception?.GetBaseException().Message}");
        await using (var commit = intruder.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        }

        var batch = await delivery.WaitAsync(TimeSpan.FromSeconds(20));

        batch.Succeeded.ShouldBe(2);
        foreach (var id in ids)
        {
            (await engine.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
            (await engine.AttemptsAsync(id)).ShouldHaveSingleItem().Status.ShouldBe(AttemptStatus.Succeeded);
        }
    }
}
