namespace SyncHub.Connectors.Tests.Xero;

/// <summary>Delivery and look-up requests for the Xero connector with sensible defaults.</summary>
internal static class XeroRequests
{
    public const string Integration = "food-bank-xero";

    public static DeliveryRequest Delivery(
        string entityType = "invoice",
        string? body = null,
        string? settings = null,
        string sourceId = "INV-1001",
        string idempotencyKey = "0f8fad5bd9cb469fa16570867728950e.1",
        string integration = Integration,
        long recordId = 1) => new()
    {
        RecordId = recordId,
        IntegrationSlug = integration,
        EntityType = entityType,
        SourceId = sourceId,
        IdempotencyKey = idempotencyKey,
        Body = body ?? XeroBodies.For(entityType),
        Settings = ConnectorSettings.Parse(settings ?? XeroSettingsJson.Create()),
    };

    public static LookupRequest Lookup(string entityType = "invoice", string sourceId = "INV-1001", string? settings = null) => new()
    {
        RecordId = 1,
        IntegrationSlug = Integration,
        EntityType = entityType,
        SourceId = sourceId,
        IdempotencyKey = "0f8fad5bd9cb469fa16570867728950e.1",
        Settings = ConnectorSettings.Parse(settings ?? XeroSettingsJson.Create()),
    };
}
