using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Plugins.Protocol;

/// <summary>A <see cref="DeliveryRequest"/> on the wire.</summary>
internal sealed record WireDelivery(
    long RecordId, string IntegrationSlug, string EntityType, string SourceId, string IdempotencyKey, string Body,
    JsonElement Settings, bool SkipDuplicateCheck, int AttemptNumber)
{
    public static WireDelivery From(DeliveryRequest request) => new(
        request.RecordId, request.IntegrationSlug, request.EntityType, request.SourceId, request.IdempotencyKey, request.Body,
        request.Settings.Root, request.SkipDuplicateCheck, request.AttemptNumber);

    public DeliveryRequest ToRequest() => new()
    {
        RecordId = RecordId,
        IntegrationSlug = IntegrationSlug,
        EntityType = EntityType,
        SourceId = SourceId,
        IdempotencyKey = IdempotencyKey,
        Body = Body,
        Settings = new ConnectorSettings(Settings),
        SkipDuplicateCheck = SkipDuplicateCheck,
        AttemptNumber = AttemptNumber,
    };
}
