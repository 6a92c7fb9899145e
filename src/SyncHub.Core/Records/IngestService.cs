using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Validation;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Records;

/// <summary>
/// Accepts records from source systems. Idempotent on (integration, entity type, source id): the same
/// source id again updates that record's payload and queues it for delivery; it never creates a second one.
/// </summary>
public sealed class IngestService(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time)
{
    public const int MaxPayloadBytes = 256 * 1024;
    public const int MaxBatchSize = 1000;

    // A batch that lost a race reads again and finds the winner's rows; a few attempts cover batches racing on the same new ids.
    private const int MaxBatchAttempts = 5;

    private readonly SingleIngestWriter _singles = new(dbFactory, writes, time);

    public async Task<IngestResult> IngestAsync(string integrationSlug, IngestRequest request, CancellationToken cancellationToken)
    {
        var errors = IngestRules.Validate(request, out var payload);
        if (!errors.IsEmpty)
        {
            return new IngestResult(IngestOutcome.Invalid, Errors: errors);
        }

        // Concurrent single ingests share one transaction (group commit); each caller still gets its own result.
        return await _singles.SubmitAsync(new SingleIngest(integrationSlug, request, payload!)).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Up to <see cref="MaxBatchSize"/> records in one transaction: every one is validated first (errors name
    /// <c>records[i].field</c>), a source id twice in one batch is refused, and either all are written or none.
    /// </summary>
    public async Task<IngestBatchResult> IngestBatchAsync(string integrationSlug, IReadOnlyList<IngestRequest?> requests, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (requests.Count is 0 or > MaxBatchSize)
        {
            errors.Add("records", $"must hold between 1 and {MaxBatchSize} records.");
            return new IngestBatchResult(IngestOutcome.Invalid, [], errors);
        }

        var payloads = new string[requests.Count];
        var seen = new Dictionary<(string, string), int>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i] ?? new IngestRequest(null, null, null);
            var itemErrors = IngestRules.Validate(request, out var payload);
            foreach (var (field, messages) in itemErrors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    errors.Add($"records[{i}].{field}", message);
                }
            }

            payloads[i] = payload ?? "";
            if (itemErrors.IsEmpty && !seen.TryAdd((request.EntityType!, request.SourceId!), i))
            {
                errors.Add($"records[{i}].sourceId", $"repeats records[{seen[(request.EntityType!, request.SourceId!)]}]; send each record once per batch.");
            }
        }

        if (!errors.IsEmpty)
        {
            return new IngestBatchResult(IngestOutcome.Invalid, [], errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var integrationId = await db.Integrations.Where(i => i.Slug == integrationSlug).Select(i => (int?)i.Id).SingleOrDefaultAsync(cancellationToken);
        if (integrationId is null)
        {
            return new IngestBatchResult(IngestOutcome.IntegrationNotFound, []);
        }

        using var gate = await writes.EnterAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var results = await UpsertManyAsync(db, integrationId.Value, requests, payloads, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new IngestBatchResult(IngestOutcome.Created, results);
            }
            catch (Exception ex) when (attempt < MaxBatchAttempts && UniqueViolation.Is(ex))
            {
                // Another request created some of these source ids between our read and write (PostgreSQL writers do
                // not queue behind one gate): nothing of this batch was kept, so read again and update those instead.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>One read of the existing rows and one save for the whole batch.</summary>
    private async Task<List<IngestResult>> UpsertManyAsync(
        SyncHubDbContext db, int integrationId, IReadOnlyList<IngestRequest?> requests, string[] payloads, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entityTypes = requests.Select(r => r!.EntityType!).Distinct().ToList();
        var sourceIds = requests.Select(r => r!.SourceId!).Distinct().ToList();
        var existing = (await db.Records.Named([integrationId], entityTypes, sourceIds).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.EntityType, r.SourceId));
        var records = new SyncRecord[requests.Count];
        var outcomes = new IngestOutcome[requests.Count];
        var created = new List<SyncRecord>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i]!;
            if (existing.TryGetValue((request.EntityType!, request.SourceId!), out var record))
            {
                outcomes[i] = record.Payload == payloads[i] ? IngestOutcome.Unchanged : IngestOutcome.Updated;
                if (outcomes[i] == IngestOutcome.Updated)
                {
                    IngestRules.ApplyNewVersion(record, request, payloads[i], now);
                }
            }
            else
            {
                record = IngestRules.NewRecord(integrationId, request, payloads[i], now);
                created.Add(record);
                outcomes[i] = IngestOutcome.Created;
            }

            records[i] = record;
        }

        await db.SaveChangesAsync(cancellationToken);
        await NewRecordInsert.InsertAsync(db, time, created, cancellationToken);
        return [.. records.Select((r, i) => new IngestResult(outcomes[i], r.Id, r.Status))];
    }
}
