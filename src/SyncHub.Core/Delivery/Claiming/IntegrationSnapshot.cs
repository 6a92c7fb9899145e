using SyncHub.Connectors;
using SyncHub.Core.Mapping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery.Claiming;

/// <summary>
/// An integration as one claim read it, shared by every record of the batch: its settings are decrypted and its mapping
/// defaults parsed once per batch instead of once per record. <see cref="Settings"/> is null when the settings cannot be
/// decrypted (the Data Protection keys they were saved with are gone).
/// </summary>
internal sealed record IntegrationSnapshot(Integration Entity, ConnectorSettings? Settings, MappingDefaults? MappingDefaults)
{
    public int Id => Entity.Id;

    public string Slug => Entity.Slug;
}
