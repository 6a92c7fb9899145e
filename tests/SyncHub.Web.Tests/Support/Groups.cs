using SyncHub.Connectors;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Support;

/// <summary>Failed records of two causes: the usual transient 503s and validation refusals that differ only in their values.</summary>
internal static class Groups
{
    /// <summary>Ingests records whose first delivery is refused with "Invoice INV-n amount x refused" (validation, 422).</summary>
    public static async Task<long[]> RefusedInvoicesAsync(this SyncHubWebFactory factory, HttpClient api, string slug, int count, string extra = "")
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            // Bound to its record: deliveries run concurrently (truly so on PostgreSQL), so a queued script could hand one record another's message.
            factory.Gateway.FailNextFor($"REF-{slug}-{i}", ErrorClass.Validation, $"Invoice INV-{1000 + i} amount {i + 3}.50 refused{extra}", 422);
            ids[i] = await api.IngestAsync(slug, $"REF-{slug}-{i}");
        }

        await factory.DeliverPendingAsync();
        return ids;
    }

    public static async Task<string> GroupOfAsync(this SyncHubWebFactory factory, long recordId) =>
        (await factory.RecordAsync(recordId)).ErrorFingerprint ?? throw new InvalidOperationException($"Record {recordId} has no fingerprint.");
}
