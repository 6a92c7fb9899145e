using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Writes;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Records;

public sealed partial class IngestService
{
    private readonly GroupCommit<SingleIngest, IngestResult> _singles = new(
        items => WriteSinglesAsync(dbFactory, writes, time, items), MaxBatchSize);

    /// <summary>
    /// Writes a group of single ingests in one transaction with one read of the rows they name, in the order they came:
    /// the same source id twice in a group is created by the first and updated (or left unchanged) by the second, as
    /// if they had been written one after the other.
    /// </summary>
    private static async Task<IReadOnlyList<IngestResult>> WriteSinglesAsync(
        IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time, IReadOnlyList<SingleIngest> items)
    {
        // Callers may give up waiting; the group is written for all of them or none.
        var cancellationToken = CancellationToken.None;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteSinglesOnceAsync(dbFactory, writes, time, items, cancellationToken);
            }
            catch (Exception ex) when (attempt < MaxBatchAttempts && UniqueViolation.Is(ex))
            {
                // Another writer inserted one of these source ids between our read and write (on PostgreSQL writers
                // do not queue behind one gate): nothing of the group was kept, so read again and update those instead.
            }
        }
    }

    private static async Task<IReadOnlyList<IngestResult>> WriteSinglesOnceAsync(
        IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time, IReadOnlyList<SingleIngest> items, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var integrationIds = items.Select(i => i.IntegrationId).Distinct().ToList();
        var entityTypes = items.Select(i => i.Request.EntityType!).Distinct().ToList();
        var sourceIds = items.Select(i => i.Request.SourceId!).Distinct().ToList();
        var known = (await db.Records.Named(integrationIds, entityTypes, sourceIds).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.IntegrationId, r.EntityType, r.SourceId));
        var written = new (SyncRecord Record, IngestOutcome Outcome, RecordStatus Status)[items.Count];
        var created = new List<SyncRecord>();
        for (var i = 0; i < items.Count; i++)
        {
            var (integrationId, request, payload) = items[i];
            var key = (integrationId, request.EntityType!, request.SourceId!);
            if (!known.TryGetValue(key, out var record))
            {
                record = NewRecord(integrationId, key.Item2, key.Item3, payload, now);
                SetParent(record, request.Parent);
                created.Add(record);
                known[key] = record;
                written[i] = (record, IngestOutcome.Created, record.Status);
            }
            else if (record.Payload == payload)
            {
                written[i] = (record, IngestOutcome.Unchanged, record.Status);
            }
            else
            {
                ApplyNewVersion(record, payload, now);
                SetParent(record, request.Parent);
                written[i] = (record, IngestOutcome.Updated, record.Status);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await InsertAsync(db, time, created, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. written.Select(w => new IngestResult(w.Outcome, w.Record.Id, w.Status))];
    }
}
