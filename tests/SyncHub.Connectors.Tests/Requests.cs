namespace SyncHub.Connectors.Tests;

/// <summary>Builds delivery requests with sensible defaults, so each test states only what it is about.</summary>
internal static class Requests
{
    public const string InvoiceBody = """{"reference":"INV-1001","amount":125.5,"currency":"EUR"}""";

    public static DeliveryRequest Create(
        string settings = "{}",
        string body = InvoiceBody,
        string integration = "acme-accounting",
        string idempotencyKey = "rec-1-key",
        long recordId = 1) => new()
    {
        RecordId = recordId,
        IntegrationSlug = integration,
        EntityType = "invoice",
        SourceId = "INV-1001",
        IdempotencyKey = idempotencyKey,
        Body = body,
        Settings = ConnectorSettings.Parse(settings),
    };

    public static LookupRequest Lookup(
        string settings = "{}",
        string idempotencyKey = "rec-1-key",
        string sourceId = "INV-1001",
        string integration = "acme-accounting") => new()
    {
        RecordId = 1,
        IntegrationSlug = integration,
        EntityType = "invoice",
        SourceId = sourceId,
        IdempotencyKey = idempotencyKey,
        Settings = ConnectorSettings.Parse(settings),
    };
}
