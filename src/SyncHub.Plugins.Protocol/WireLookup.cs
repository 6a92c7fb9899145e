using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Plugins.Protocol;

/// <summary>A <see cref="LookupRequest"/> on the wire.</summary>
internal sealed record WireLookup(long RecordId, string IntegrationSlug, string EntityType, string SourceId, string IdempotencyKey, JsonElement Settings)
{
    public static WireLookup From(LookupRequest request) => new(
        request.RecordId, request.IntegrationSlug, request.EntityType, request.SourceId, request.IdempotencyKey, request.Settings.Root);

    public LookupRequest ToRequest() => new()
    {
        RecordId = RecordId,
        IntegrationSlug = IntegrationSlug,
        EntityType = EntityType,
        SourceId = SourceId,
        IdempotencyKey = IdempotencyKey,
        Settings = new ConnectorSettings(Settings),
    };
}
