using Microsoft.Extensions.Options;
using SyncHub.Connectors;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// A listing connector: reads the destination's records of each entity type changed since the range's first day (up to
/// <see cref="ReconcileOptions.MaxDestinationRecords"/>), matches each expected record with one copy by reference, looks
/// up on their own those a listing cut short did not reach, and reports what is left over as extra: a second copy of
/// a matched record, or a record SyncHub holds nowhere.
/// </summary>
internal sealed class ListedComparison(ReconcileCalls calls, HeldElsewhere heldElsewhere, ReconcileRunStore store, IOptions<ReconcileOptions> options)
{
    public async Task CompareAsync(ReconcileContext context, List<Expectation> expectations, Comparison comparison, CancellationToken token)
    {
        var held = new Dictionary<(string Type, string Reference), Queue<DestinationRecord>>(new ReferenceKeyComparer());
        var cutShort = await ListAsync(context, EntityTypes(context, expectations), held, comparison, token);
        if (comparison.Failure is not null)
        {
            return;
        }

        var matched = new HashSet<(string, string)>(new ReferenceKeyComparer());
        var unreached = new List<Expectation>();
        foreach (var expectation in expectations)
        {
            if (!expectation.CanCompare)
            {
                comparison.Rows.Add(DifferenceRows.NotCompared(expectation, expectation.Problem ?? "It could not be compared."));
                continue;
            }

            var key = (expectation.Expected!.EntityType, expectation.Expected.Reference);
            if (held.TryGetValue(key, out var copies) && copies.Count > 0)
            {
                matched.Add(key);
                RecordComparison.Add(context, comparison, expectation, copies.Dequeue());
            }
            else if (cutShort.Contains(expectation.Expected.EntityType))
            {
                unreached.Add(expectation);
            }
            else
            {
                RecordComparison.Add(context, comparison, expectation, null);
            }
        }

        await LookUpUnreachedAsync(context, unreached, comparison, token);
        await AddExtrasAsync(context, held, matched, comparison, token);
    }

    /// <summary>The source side's entity types; the connector's own when the range holds no record.</summary>
    private static List<string> EntityTypes(ReconcileContext context, List<Expectation> expectations)
    {
        var types = expectations.Where(e => e.Expected is not null).Select(e => e.Expected!.EntityType).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return types.Count > 0 ? types : [.. context.Access.Gateway!.Info.EntityTypes];
    }

    /// <returns>The entity types whose listing was cut short by the bound.</returns>
    private async Task<HashSet<string>> ListAsync(
        ReconcileContext context, List<string> types, Dictionary<(string, string), Queue<DestinationRecord>> held, Comparison comparison, CancellationToken token)
    {
        var cutShort = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var max = options.Value.MaxDestinationRecords;
        foreach (var type in types)
        {
            string? cursor = null;
            var page = 0;
            do
            {
                context.ThrowIfCancelled();
                context.Phase = $"listing the destination's {ReconcileText.Clip(type, 50)} records, page {++page}";
                await store.ReportAsync(context, token);
                var listed = await calls.ListAsync(context, Query(context, type, cursor), token);
                if (!listed.IsSuccess)
                {
                    comparison.Failure = $"The destination's {ReconcileText.Clip(type, 50)} records could not be listed ({listed.ErrorClass}): {ReconcileText.Clip(listed.Message, 500)}";
                    return cutShort;
                }

                foreach (var record in listed.Records)
                {
                    if (context.DestinationRecords >= max)
                    {
                        cutShort.Add(type);
                        context.Truncated = true;
                        break;
                    }

                    context.DestinationRecords++;
                    var key = (record.EntityType, record.Reference);
                    if (!held.TryGetValue(key, out var copies))
                    {
                        held[key] = copies = new Queue<DestinationRecord>();
                    }

                    copies.Enqueue(record);
                }

                cursor = cutShort.Contains(type) ? null : listed.NextCursor;
            }
            while (cursor is not null);
        }

        return cutShort;
    }

    private DestinationQuery Query(ReconcileContext context, string type, string? cursor) => new()
    {
        IntegrationSlug = context.Integration.Slug,
        Settings = context.Settings,
        EntityType = type,
        ChangedFrom = context.Run.RangeFrom,
        Cursor = cursor,
        PageSize = options.Value.PageSize,
    };

    private async Task LookUpUnreachedAsync(ReconcileContext context, List<Expectation> unreached, Comparison comparison, CancellationToken token)
    {
        for (var i = 0; i < unreached.Count; i++)
        {
            context.ThrowIfCancelled();
            context.Phase = $"looking up the records the listing did not reach ({i + 1} of {unreached.Count})";
            await store.ReportAsync(context, token);
            var fetched = await calls.FetchAsync(context, unreached[i].Subject!, token);
            if (fetched.IsNotSupported)
            {
                comparison.Rows.Add(DifferenceRows.NotCompared(unreached[i],
                    $"The destination listed more than {options.Value.MaxDestinationRecords:N0} records and this connector cannot look one up on its own."));
            }
            else if (!fetched.IsSuccess)
            {
                comparison.Rows.Add(DifferenceRows.NotCompared(unreached[i], $"The look-up failed ({fetched.ErrorClass}): {ReconcileText.Clip(fetched.Message, 300)}"));
            }
            else
            {
                RecordComparison.Add(context, comparison, unreached[i], fetched.Record);
            }
        }
    }

    private async Task AddExtrasAsync(
        ReconcileContext context, Dictionary<(string, string), Queue<DestinationRecord>> held, HashSet<(string, string)> matched, Comparison comparison, CancellationToken token)
    {
        var candidates = new List<DestinationRecord>();
        foreach (var (key, copies) in held)
        {
            if (matched.Contains(key))
            {
                comparison.Rows.AddRange(copies.Select(copy => DifferenceRows.Extra(copy, $"A second copy of {ReconcileText.Clip(copy.Reference, 100)} at the destination.")));
            }
            else
            {
                candidates.AddRange(copies);
            }
        }

        context.Phase = "checking the destination's other records against SyncHub's";
        var elsewhere = await heldElsewhere.FindAsync(context, candidates, token);
        comparison.Rows.AddRange(candidates.Where(c => !elsewhere.Contains(c)).Select(c => DifferenceRows.Extra(c, null)));
    }
}
