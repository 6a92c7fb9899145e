namespace SyncHub.Connectors.Tests.Xero;

/// <summary>Record bodies as an integration's mapping would render them.</summary>
internal static class XeroBodies
{
    public const string ContactId = "430fa14a-f945-44d3-9f97-5df5e28441b8";
    public const string InvoiceId = "ed255415-e141-4150-aab7-89c3bbbb851c";

    public const string Invoice = """
        {"Contact": {"ContactID": "430fa14a-f945-44d3-9f97-5df5e28441b8"},
         "LineItems": [{"Description": "Hall hire, March", "Quantity": 2, "UnitAmount": 60.25, "AccountCode": "200", "TaxType": "NONE"}],
         "Date": "2026-03-01", "DueDate": "2026-03-15", "Status": "AUTHORISED", "CurrencyCode": "NZD"}
        """;

    /// <summary>A volunteer's expense reimbursement.</summary>
    public const string Bill = """
        {"Contact": {"Name": "Jo Volunteer"},
         "LineItems": [{"Description": "Train fare to the food drive", "Quantity": 1, "UnitAmount": 23.4, "AccountCode": "493"}],
         "Date": "2026-03-01", "DueDate": "2026-03-08", "Status": "DRAFT"}
        """;

    public const string Contact = """{"Name": "Ada Lovelace", "FirstName": "Ada", "LastName": "Lovelace", "EmailAddress": "ada@example.org"}""";

    public const string Payment = """
        {"Invoice": {"InvoiceID": "ed255415-e141-4150-aab7-89c3bbbb851c"}, "Account": {"Code": "090"}, "Date": "2026-03-02", "Amount": 120.5}
        """;

    public static string For(string entityType) => entityType switch
    {
        "invoice" => Invoice,
        "bill" => Bill,
        "contact" => Contact,
        "payment" => Payment,
        _ => throw new ArgumentOutOfRangeException(nameof(entityType), entityType, null),
    };

    /// <summary>What Xero answers to a create: the collection with the created item and its id.</summary>
    public static string Created(string collection, string idProperty, string id) =>
        $$"""{"Id": "b2c9e1b1-0000-4000-8000-000000000001", "Status": "OK", "ProviderName": "SyncHub", "DateTimeUTC": "/Date(1772366400000)/", "{{collection}}": [{"{{idProperty}}": "{{id}}", "HasErrors": false, "ValidationErrors": []}]}""";
}
