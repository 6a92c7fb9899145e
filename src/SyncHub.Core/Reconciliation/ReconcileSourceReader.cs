using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncHub.Connectors;
using SyncHub.Core.Records;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// The source side of a range: the records SyncHub holds for the integration whose source change time (else arrival
/// time) falls in it, and, for an integration read by sync runs (its connector is a source and it has runs or a
/// schedule), what a source read of the range returns; a record in both is compared with the source's payload. At most
/// <see cref="ReconcileOptions.MaxRecords"/> records.
/// </summary>
internal sealed class ReconcileSourceReader(IDbContextFactory<SyncHubDbContext> dbFactory, ReconcileCalls calls, IOptions<ReconcileOptions> options)
{
    /// <returns>The records, or why the source could not be read.</returns>
    public async Task<(List<SourceItem> Items, string? Failure)> ReadAsync(ReconcileContext context, CancellationToken token)
    {
        var max = options.Value.MaxRecords;
        context.Phase = "reading SyncHub's records of the range";
        var items = await HeldAsync(context, max, token);
        if (items.Count > max)
        {
            items.RemoveRange(max, items.Count - max);
            context.Truncated = true;
        }

        if (context.Access.Gateway.Offering<IConnectorSource>(ConnectorCapabilities.Source) is { } source && await IsReadByRunsAsync(context, token))
        {
            var failure = await MergeSourceAsync(context, source, items, max, token);
            if (failure is not null)
            {
                return (items, failure);
            }
        }

        context.SourceRecords = items.Count;
        return (items, null);
    }

    // A connector that can be a source is not one for every integration (a webhook without a feed URL): only runs say so.
    private async Task<bool> IsReadByRunsAsync(ReconcileContext context, CancellationToken token)
    {
        if (context.Integration.Runs.ScheduleEnabled)
        {
            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync(token);
        var id = context.Integration.Id;
        return await db.Runs.AnyAsync(r => r.IntegrationId == id, token);
    }

    private async Task<List<SourceItem>> HeldAsync(ReconcileContext context, int max, CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        var (id, from, to) = (context.Integration.Id, context.Run.RangeFrom, context.Run.RangeTo);
        var rows = await db.Records.AsNoTracking()
            .Where(r => r.IntegrationId == id
                && ((r.SourceChangedAt != null && r.SourceChangedAt >= from && r.SourceChangedAt < to)
                    || (r.SourceChangedAt == null && r.CreatedAt >= from && r.CreatedAt < to)))
            .OrderBy(r => r.Id)
            .Take(max + 1)
            .Select(r => new { r.Id, r.EntityType, r.SourceId, r.Payload, r.Status, r.PayloadVersion, r.IdempotencyBase })
            .ToListAsync(token);
        return [.. rows.Select(r => new SourceItem(r.EntityType, r.SourceId, r.Payload)
        {
            RecordId = r.Id, Status = r.Status, PayloadVersion = r.PayloadVersion, IdempotencyKey = $"{r.IdempotencyBase}.{r.PayloadVersion}",
        })];
    }

    private async Task<string?> MergeSourceAsync(ReconcileContext context, IConnectorSource source, List<SourceItem> items, int max, CancellationToken token)
    {
        var byKey = new Dictionary<(string, string), int>();
        for (var i = 0; i < items.Count; i++)
        {
            byKey[(items[i].EntityType, items[i].SourceId)] = i;
        }

        string? cursor = null;
        var pages = 0;
        do
        {
            context.Phase = $"reading the source, page {pages + 1}";
            var query = new SourceQuery
            {
                IntegrationSlug = context.Integration.Slug, Settings = context.Settings, ChangedFrom = context.Run.RangeFrom, ChangedTo = context.Run.RangeTo,
                Cursor = cursor, PageSize = options.Value.PageSize,
            };
            var page = await calls.ReadSourceAsync(context, source, query, token);
            if (!page.IsSuccess)
            {
                return $"The source could not be read ({page.ErrorClass}): {ReconcileText.Clip(page.Message, 500)}";
            }

            pages++;
            foreach (var record in page.Records.DistinctBy(r => (r.EntityType, r.SourceId)))
            {
                if (byKey.TryGetValue((record.EntityType, record.SourceId), out var index))
                {
                    items[index] = FromSource(record, items[index]);
                }
                else if (items.Count < max)
                {
                    byKey[(record.EntityType, record.SourceId)] = items.Count;
                    items.Add(FromSource(record, null));
                }
                else
                {
                    context.Truncated = true;
                    return null;
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return null;
    }

    private static SourceItem FromSource(SourceRecord record, SourceItem? held)
    {
        var problem = Shape(record);
        var item = held ?? new SourceItem(record.EntityType ?? "", record.SourceId ?? "", record.Payload ?? "");
        return item with
        {
            Payload = problem is null ? record.Payload ?? "" : item.Payload,
            SourcePayload = problem is null && record.Payload != held?.Payload ? record.Payload : null,
            SourceChangedAt = record.ChangedAt,
            ParentEntityType = record.ParentEntityType,
            ParentSourceId = record.ParentSourceId,
            Problem = problem,
        };
    }

    /// <summary>The rules a run stages by: an entity type, a source id, and a JSON object within ingest's limits.</summary>
    private static string? Shape(SourceRecord record)
    {
        if (string.IsNullOrWhiteSpace(record.EntityType) || record.EntityType.Length > 100 || string.IsNullOrWhiteSpace(record.SourceId) || record.SourceId.Length > 200)
        {
            return "The source sent a record without a usable entity type or source id.";
        }

        return PayloadJson.Parse(record.Payload, out var problem) is null ? "The source's payload " + problem : null;
    }
}
