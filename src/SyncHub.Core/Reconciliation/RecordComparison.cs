using SyncHub.Connectors;

namespace SyncHub.Core.Reconciliation;

/// <summary>One expected record against the destination's copy of it (or none): matching, different or missing.</summary>
internal static class RecordComparison
{
    public static void Add(ReconcileContext context, Comparison comparison, Expectation expectation, DestinationRecord? held)
    {
        if (held is null)
        {
            comparison.Rows.Add(DifferenceRows.Missing(expectation));
            return;
        }

        var fields = FieldComparison.Differences(expectation.Expected!.Fields, held.Fields);
        if (fields.Count == 0)
        {
            comparison.Matching++;
            return;
        }

        var replaces = ResendReplaces(context, expectation.Item.EntityType);
        var note = replaces ? null
            : $"Not resynced: sending it again through the '{context.Integration.Connector}' connector would add a second copy at the destination. "
                + "Correct it there, or delete or void it there and reconcile again to resync it as missing.";
        comparison.Rows.Add(DifferenceRows.Different(expectation, held, fields, replaces, note));
    }

    private static bool ResendReplaces(ReconcileContext context, string entityType)
    {
        try
        {
            return context.Reader.ResendReplaces(entityType);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A connector that cannot say is not trusted to update: a second copy is worse than a difference left alone.
            return false;
        }
    }
}
