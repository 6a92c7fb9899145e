using SyncHub.Connectors;

namespace SyncHub.Core.Reconciliation;

/// <summary>Reads the source side, works out what the destination should hold, and compares it as the connector reads.</summary>
internal sealed class ReconcileComparer(
    ReconcileSourceReader source, ReconcileExpectations expectations, ListedComparison listed, LookedUpComparison lookedUp, ReconcileRunStore store)
{
    public async Task<Comparison> CompareAsync(ReconcileContext context, CancellationToken token)
    {
        var comparison = new Comparison();
        var (items, failure) = await source.ReadAsync(context, token);
        if (failure is not null)
        {
            comparison.Failure = failure;
            return comparison;
        }

        context.Phase = $"working out what the destination should hold for {items.Count:N0} records";
        await store.ReportAsync(context, token);
        var expected = items.Select(item => expectations.For(context, item)).ToList();
        if (context.Access.Mode == DestinationReadMode.List)
        {
            await listed.CompareAsync(context, expected, comparison, token);
        }
        else
        {
            await lookedUp.CompareAsync(context, expected, comparison, token);
        }

        return comparison;
    }
}
