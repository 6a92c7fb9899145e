using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Dashboard;

/// <summary>Writes sync-log entries straight into the harness's store, at chosen times and outcomes.</summary>
internal sealed class SyncLogWriter(EngineHarness engine)
{
    public async Task<SyncAttempt> AddAsync(
        long recordId, DateTimeOffset startedAt, ErrorClass? errorClass, AttemptStatus? status = null,
        AttemptTrigger trigger = AttemptTrigger.Delivery, int payloadVersion = 1, long? resolvedBy = null)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var record = await db.Records.SingleAsync(r => r.Id == recordId);
        var attempt = new SyncAttempt
        {
            RecordId = recordId,
            IntegrationId = record.IntegrationId,
            Trigger = trigger,
            Status = status ?? (errorClass is null ? AttemptStatus.Succeeded : AttemptStatus.Failed),
            ErrorClass = errorClass,
            Message = errorClass is null ? null : $"{errorClass} from the provider",
            PayloadVersion = payloadVersion,
            ResolvedByAttemptId = resolvedBy,
            StartedAt = startedAt,
            FinishedAt = startedAt.AddSeconds(1),
        };
        db.Attempts.Add(attempt);
        await engine.Get<WriteGate>().WriteAsync(() => db.SaveChangesAsync());
        return attempt;
    }

    public async Task ResolveAsync(long failedId, long resolvedBy)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var attempt = await db.Attempts.SingleAsync(a => a.Id == failedId);
        attempt.ResolvedByAttemptId = resolvedBy;
        attempt.Status = AttemptStatus.Succeeded;
        await engine.Get<WriteGate>().WriteAsync(() => db.SaveChangesAsync());
    }

    public async Task SetStatusAsync(long recordId, RecordStatus status, bool archived = false)
    {
        await using var db = await engine.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var record = await db.Records.SingleAsync(r => r.Id == recordId);
        record.Status = status;
        record.ArchivedAt = archived ? engine.Time.GetUtcNow() : null;
        await engine.Get<WriteGate>().WriteAsync(() => db.SaveChangesAsync());
    }
}
