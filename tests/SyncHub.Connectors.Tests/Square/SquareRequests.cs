using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Square;

/// <summary>Delivery requests for members, pointed at a spec server.</summary>
internal static class SquareRequests
{
    public const string Token = "sq0atp-secret-token";

    public const string MemberBody = """
        {"memberNumber":"M-1001","givenName":"Ada","familyName":"Lovelace","email":"ada@example.com","phone":"+15550100","points":120,"note":"Gold"}
        """;

    public static string Settings(SpecServer server, string token = Token) =>
        $$"""{"accessToken":"{{token}}","baseUrl":"{{server.BaseUrl}}","squareVersion":"2025-08-20"}""";

    public static DeliveryRequest Member(SpecServer server, string body = MemberBody, bool skipDuplicateCheck = false) => new()
    {
        RecordId = 42,
        IntegrationSlug = "shop-members",
        EntityType = "customer",
        SourceId = "M-1001",
        IdempotencyKey = "0f8fad5bd9cb469fa165708b3ac6a6ba.1",
        Body = body,
        Settings = ConnectorSettings.Parse(Settings(server)),
        SkipDuplicateCheck = skipDuplicateCheck,
    };

    public static LookupRequest Lookup(SpecServer server, string sourceId = "M-1001") => new()
    {
        RecordId = 42,
        IntegrationSlug = "shop-members",
        EntityType = "customer",
        SourceId = sourceId,
        IdempotencyKey = "0f8fad5bd9cb469fa165708b3ac6a6ba.1",
        Settings = ConnectorSettings.Parse(Settings(server)),
    };
}
