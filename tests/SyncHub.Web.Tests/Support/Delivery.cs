using Microsoft.Extensions.DependencyInjection;
using SyncHub.Connectors;
using SyncHub.Core.Delivery;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Support;

/// <summary>Drives first deliveries by hand, for factories whose background delivery is off.</summary>
internal static class Delivery
{
    public static async Task DeliverPendingAsync(this SyncHubWebFactory factory)
    {
        var orchestrator = factory.Services.GetRequiredService<SyncOrchestrator>();
        while ((await orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }
    }

    /// <summary>Ingests records through the API and makes each first delivery fail (transient, HTTP 503).</summary>
    public static async Task<long[]> FailedRecordsAsync(
        this SyncHubWebFactory factory, HttpClient api, string slug, int count, string message = "Service unavailable")
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await api.IngestAsync(slug, $"INV-{slug}-{i}");
            factory.Gateway.ThenFail(ErrorClass.Transient, message, 503);
        }

        await factory.DeliverPendingAsync();
        return ids;
    }
}
