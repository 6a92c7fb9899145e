using SyncHub.Connectors;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Support;

/// <summary>Records the destination refused as invalid data, for edit-and-retry and automatic fixes.</summary>
internal static class Validation
{
    public static async Task<long> InvalidRecordAsync(this SyncHubWebFactory factory, HttpClient api, string slug, string payload, DeliveryOutcome? refusal = null)
    {
        await api.EnsureIntegrationAsync(slug);
        var sourceId = $"INV-{slug}-{Guid.NewGuid():N}";
        var id = await api.IngestAsync(slug, sourceId, payload);
        factory.Gateway.AnswerNextFor(sourceId, refusal ?? DeliveryOutcome.Failed(ErrorClass.Validation, "Customer email must be valid", 422));
        await factory.DeliverPendingAsync();
        return id;
    }
}
