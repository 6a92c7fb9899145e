namespace SyncHub.Connectors.Tests.Square;

/// <summary>Square answers as the spec shapes them, for scripting the spec server.</summary>
internal static class SquareJson
{
    public const string NoCustomers = "{}";

    public static string Customer(string id, string? email = null, string? reference = null, string givenName = "Ada", long version = 3) =>
        $$"""
        {"id":"{{id}}","given_name":"{{givenName}}","family_name":"Lovelace","email_address":{{Text(email)}},
         "phone_number":"+15550100","reference_id":{{Text(reference)}},"created_at":"2025-01-02T03:04:05Z","note":"VIP","version":{{version}}}
        """;

    public static string Customers(params string[] customers) => $$"""{"customers":[{{string.Join(",", customers)}}]}""";

    public static string One(string customer) => $$"""{"customer":{{customer}}}""";

    public static string Error(string category, string code, string detail, string? field = null) =>
        $$"""{"errors":[{"category":"{{category}}","code":"{{code}}","detail":"{{detail}}"{{(field is null ? "" : $",\"field\":\"{field}\"")}}}]}""";

    private static string Text(string? value) => value is null ? "null" : $"\"{value}\"";
}
