namespace SyncHub.Core.Reconciliation;

/// <summary>
/// A connector that looks records up one by one: each expected record is fetched on its own. A look-up that fails is
/// that record's "not compared"; five in a row mean the destination is not answering, and the comparison fails.
/// </summary>
internal sealed class LookedUpComparison(ReconcileCalls calls, ReconcileRunStore store)
{
    private const int MaxFailuresInARow = 5;

    public async Task CompareAsync(ReconcileContext context, List<Expectation> expectations, Comparison comparison, CancellationToken token)
    {
        var failures = 0;
        for (var i = 0; i < expectations.Count; i++)
        {
            var expectation = expectations[i];
            context.ThrowIfCancelled();
            if (!expectation.CanCompare)
            {
                comparison.Rows.Add(DifferenceRows.NotCompared(expectation, expectation.Problem ?? "It could not be compared."));
                continue;
            }

            context.Phase = $"looking records up at the destination ({i + 1} of {expectations.Count})";
            await store.ReportAsync(context, token);
            var fetched = await calls.FetchAsync(context, expectation.Subject!, token);
            if (fetched.IsNotSupported)
            {
                comparison.Rows.Add(DifferenceRows.NotCompared(expectation, "The connector cannot look this record up."));
                continue;
            }

            if (!fetched.IsSuccess)
            {
                var message = $"The look-up failed ({fetched.ErrorClass}): {ReconcileText.Clip(fetched.Message, 300)}";
                if (++failures >= MaxFailuresInARow)
                {
                    comparison.Failure = $"The destination stopped answering look-ups ({MaxFailuresInARow} failed in a row). The last: {message}";
                    return;
                }

                comparison.Rows.Add(DifferenceRows.NotCompared(expectation, message));
                continue;
            }

            failures = 0;
            if (fetched.Record is not null)
            {
                context.DestinationRecords++;
            }

            RecordComparison.Add(context, comparison, expectation, fetched.Record);
        }
    }
}
