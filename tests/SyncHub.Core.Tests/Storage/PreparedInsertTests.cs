using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Storage;

/// <summary>
/// Rows written through the prepared insert read back through EF exactly as EF would have written them: the store's
/// value conversions (times, enums, GUIDs, nulls) come from the model, on SQLite and, under the switch, PostgreSQL.
/// </summary>
public sealed class PreparedInsertTests
{
    [Fact]
    public async Task InsertAsync_ManyRows_EachReadsBackThroughEfWithItsKey()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateIntegrationAsync();
        var now = engine.Time.GetUtcNow();
        var operation = Guid.NewGuid();
        var rows = Enumerable.Range(0, 3).Select(i => new SyncRecord
        {
            IntegrationId = integration.Id,
            EntityType = "invoice",
            SourceId = "INV-" + i,
            Payload = $$"""{"amount": {{i}}, "note": "ünïcødé ' \" ;"}""",
            IdempotencyBase = "base-" + i,
            Status = i == 0 ? RecordStatus.Pending : RecordStatus.Failed,
            LastErrorClass = i == 2 ? ErrorClass.RateLimited : null,
            NextAttemptAt = i == 1 ? null : now.AddMinutes(i),
            RetryOperationId = i == 2 ? operation : null,
            PayloadVersion = i + 1,
            CreatedAt = now,
            UpdatedAt = now.AddSeconds(i),
        }).ToList();

        await engine.WriteAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var insert = await PreparedInsert<SyncRecord>.CreateAsync(db, engine.Time, CancellationToken.None);
            foreach (var row in rows)
            {
                await insert.InsertAsync(row, CancellationToken.None);
            }

            await transaction.CommitAsync();
        });

        rows.Select(r => r.Id).ShouldAllBe(id => id > 0);
        rows.Select(r => r.Id).Distinct().Count().ShouldBe(3);
        foreach (var row in rows)
        {
            var stored = await engine.RecordAsync(row.Id);
            stored.SourceId.ShouldBe(row.SourceId);
            stored.Payload.ShouldBe(row.Payload);
            stored.Status.ShouldBe(row.Status);
            stored.LastErrorClass.ShouldBe(row.LastErrorClass);
            stored.NextAttemptAt.ShouldBe(row.NextAttemptAt);
            stored.RetryOperationId.ShouldBe(row.RetryOperationId);
            stored.PayloadVersion.ShouldBe(row.PayloadVersion);
            stored.UpdatedAt.ShouldBe(row.UpdatedAt);
        }

        await using var read = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        (await read.Records.CountAsync(r => r.RetryOperationId == operation)).ShouldBe(1, "a GUID written here matches EF's own parameter");
        (await read.Records.CountAsync(r => r.NextAttemptAt <= now.AddMinutes(2))).ShouldBe(2, "times compare in SQL as EF stores them");
    }

    [Fact]
    public async Task InsertAsync_TheTransactionRollsBack_NothingIsKept()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateIntegrationAsync();
        await engine.WriteAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var insert = await PreparedInsert<SyncRecord>.CreateAsync(db, engine.Time, CancellationToken.None);
            var now = engine.Time.GetUtcNow();
            await insert.InsertAsync(
                new SyncRecord { IntegrationId = integration.Id, EntityType = "invoice", SourceId = "GONE", Payload = "{}", IdempotencyBase = "b", CreatedAt = now, UpdatedAt = now },
                CancellationToken.None);
            await transaction.RollbackAsync();
        });

        await using var read = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        (await read.Records.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task InsertAsync_CommandInterceptors_SeeEveryExecution()
    {
        await using var engine = await EngineHarness.StartAsync();
        var integration = await engine.CreateIntegrationAsync();
        engine.WriteFaults.Failing = true;
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        await using var insert = await PreparedInsert<SyncRecord>.CreateAsync(db, engine.Time, CancellationToken.None);
        var now = engine.Time.GetUtcNow();

        var refused = await Should.ThrowAsync<Exception>(() => insert.InsertAsync(
            new SyncRecord { IntegrationId = integration.Id, EntityType = "invoice", SourceId = "FULL", Payload = "{}", IdempotencyBase = "b", CreatedAt = now, UpdatedAt = now },
            CancellationToken.None));

        refused.Message.ShouldContain("database or disk is full");
    }
}
