using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Writes;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Records;

/// <summary>
/// Writes concurrent single ingests together (group commit): one transaction, one read of the integrations they name
/// and one of the rows they name, in the order they came. The same source id twice in a group is created by the first
/// and updated (or left unchanged) by the second, as if they had been written one after the other.
/// </summary>
internal sealed class SingleIngestWriter
{
    // A group that lost a race reads again and finds the winner's rows; a few attempts cover groups racing on the same new ids.
    private const int MaxAttempts = 5;

    // Compiled once per writer (a compiled query is bound to one model, and a writer's contexts share one): the group's
    // two reads skip LINQ translation and the query-cache lookup, which cost the one writer more than the reads.
    private readonly Func<SyncHubDbContext, string[], IAsyncEnumerable<IntegrationKey>> _integrationsNamed =
        EF.CompileAsyncQuery((SyncHubDbContext db, string[] slugs) =>
            db.Integrations.Where(i => slugs.Contains(i.Slug)).Select(i => new IntegrationKey(i.Slug, i.Id)));

    private readonly Func<SyncHubDbContext, int[], string[], string[], IAsyncEnumerable<SyncRecord>> _recordsNamed =
        EF.CompileAsyncQuery((SyncHubDbContext db, int[] integrationIds, string[] entityTypes, string[] sourceIds) =>
            // RecordLookup.Named's filter, written out: a compiled query cannot call it.
            db.Records.Where(r => integrationIds.Contains(r.IntegrationId) && entityTypes.Contains(r.EntityType) && sourceIds.Contains(r.SourceId)));

    private readonly IDbContextFactory<SyncHubDbContext> _dbFactory;
    private readonly WriteGate _writes;
    private readonly TimeProvider _time;
    private readonly GroupCommit<SingleIngest, IngestResult> _groups;

    public SingleIngestWriter(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time)
    {
        _dbFactory = dbFactory;
        _writes = writes;
        _time = time;
        _groups = new GroupCommit<SingleIngest, IngestResult>(WriteAsync, IngestService.MaxBatchSize);
    }

    /// <summary>Completes once the item's group has committed; an unknown slug answers <see cref="IngestOutcome.IntegrationNotFound"/>.</summary>
    public Task<IngestResult> SubmitAsync(SingleIngest item) => _groups.SubmitAsync(item);

    private async Task<IReadOnlyList<IngestResult>> WriteAsync(IReadOnlyList<SingleIngest> items)
    {
        // Callers may give up waiting; the group is written for all of them or none.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteOnceAsync(items, CancellationToken.None);
            }
            catch (Exception ex) when (attempt < MaxAttempts && UniqueViolation.Is(ex))
            {
                // Another writer inserted one of these source ids between our read and write (on PostgreSQL writers
                // do not queue behind one gate): nothing of the group was kept, so read again and update those instead.
            }
        }
    }

    private async Task<IReadOnlyList<IngestResult>> WriteOnceAsync(IReadOnlyList<SingleIngest> items, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await _writes.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = _time.GetUtcNow();

        // Resolved here, in the write's transaction, rather than per request: one read for the group, and an
        // integration deleted meanwhile is not written to.
        var integrationIds = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var integration in _integrationsNamed(db, [.. items.Select(i => i.IntegrationSlug).Distinct()]).WithCancellation(cancellationToken))
        {
            integrationIds[integration.Slug] = integration.Id;
        }

        var known = new Dictionary<(int, string, string), SyncRecord>();
        if (integrationIds.Count > 0)
        {
            var entityTypes = items.Select(i => i.Request.EntityType!).Distinct().ToArray();
            var sourceIds = items.Select(i => i.Request.SourceId!).Distinct().ToArray();
            await foreach (var record in _recordsNamed(db, [.. integrationIds.Values], entityTypes, sourceIds).WithCancellation(cancellationToken))
            {
                known[(record.IntegrationId, record.EntityType, record.SourceId)] = record;
            }
        }
        var results = new IngestResult[items.Count];
        var written = new List<(int Index, SyncRecord Record, IngestOutcome Outcome, RecordStatus Status)>(items.Count);
        var created = new List<SyncRecord>();
        var updated = false;
        for (var i = 0; i < items.Count; i++)
        {
            var (slug, request, payload) = items[i];
            if (!integrationIds.TryGetValue(slug, out var integrationId))
            {
                results[i] = new IngestResult(IngestOutcome.IntegrationNotFound);
                continue;
            }

            var key = (integrationId, request.EntityType!, request.SourceId!);
            if (!known.TryGetValue(key, out var record))
            {
                record = IngestRules.NewRecord(integrationId, request, payload, now);
                created.Add(record);
                known[key] = record;
                written.Add((i, record, IngestOutcome.Created, record.Status));
            }
            else if (record.Payload == payload)
            {
                written.Add((i, record, IngestOutcome.Unchanged, record.Status));
            }
            else
            {
                IngestRules.ApplyNewVersion(record, request, payload, now);
                updated = true;
                written.Add((i, record, IngestOutcome.Updated, record.Status));
            }
        }

        if (updated)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await NewRecordInsert.InsertAsync(db, _time, created, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Ids of created records are known only after the insert.
        foreach (var (index, record, outcome, status) in written)
        {
            results[index] = new IngestResult(outcome, record.Id, status);
        }

        return results;
    }
}
