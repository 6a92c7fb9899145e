using System.Globalization;
using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>Reconciliation reads Xero: listings and look-ups conform to the published spec and compare like for like.</summary>
public sealed class XeroDestinationTests : XeroSpecFixture
{
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // What Xero holds after the invoice body was delivered: its own date format, four decimals, computed totals.
    private const string HeldInvoice = """
        {"Type": "ACCREC", "InvoiceID": "ed255415-e141-4150-aab7-89c3bbbb851c", "InvoiceNumber": "INV-0042", "Reference": "INV-1001",
         "Contact": {"ContactID": "430fa14a-f945-44d3-9f97-5df5e28441b8", "Name": "City Hall"},
         "Date": "/Date(1772323200000+0000)/", "DateString": "2026-03-01T00:00:00", "DueDate": "/Date(1773532800000+0000)/", "DueDateString": "2026-03-15T00:00:00",
         "Status": "PAID", "CurrencyCode": "NZD", "Total": 120.50,
         "LineItems": [{"Description": "Hall hire, March", "Quantity": 2.0000, "UnitAmount": 60.2500, "AccountCode": "200", "TaxType": "NONE", "LineAmount": 120.50}]}
        """;

    [Fact]
    public async Task ListAsync_Invoices_ConformsWithTypePageAndModifiedSince()
    {
        Server.Enqueue("GET", "/Invoices", new ScriptedResponse(200, $$"""{"Invoices": [{{HeldInvoice}}]}"""));

        var page = await Gateway.ListAsync(Query("invoice"), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        page.IsSuccess.ShouldBeTrue(page.Message);
        var sent = Server.RequestsFor("getInvoices").ShouldHaveSingleItem();
        sent.QueryValues["where"].ShouldBe("Type==\"ACCREC\"");
        sent.QueryValues["page"].ShouldBe("1");
        sent.QueryValues["pageSize"].ShouldBe("100");
        sent.QueryValues["unitdp"].ShouldBe("4");
        sent.Header("If-Modified-Since").ShouldBe("2026-03-01T00:00:00");
        var held = page.Records.ShouldHaveSingleItem();
        held.Reference.ShouldBe("INV-1001");
        held.ExternalId.ShouldBe(XeroBodies.InvoiceId);
        held.Label.ShouldBe("INV-0042 · City Hall · 120.50 NZD");
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task ListAsync_FullPage_AsksForTheNextPage()
    {
        Server.Enqueue("GET", "/Invoices",
            new ScriptedResponse(200, $$"""{"Invoices": [{{HeldInvoice}}, {{HeldInvoice.Replace("INV-1001", "INV-1002", StringComparison.Ordinal)}}]}"""),
            new ScriptedResponse(200, """{"Invoices": []}"""));

        var first = await Gateway.ListAsync(Query("invoice") with { PageSize = 2 }, CancellationToken.None);
        var second = await Gateway.ListAsync(Query("invoice") with { PageSize = 2, Cursor = first.NextCursor }, CancellationToken.None);

        first.NextCursor.ShouldBe("2");
        Server.RequestsFor("getInvoices")[1].QueryValues["page"].ShouldBe("2");
        second.Records.ShouldBeEmpty();
        second.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task ListAsync_VoidedDeletedAndUnreferencedItems_AreLeftOut()
    {
        var voided = HeldInvoice.Replace("\"PAID\"", "\"VOIDED\"", StringComparison.Ordinal);
        var deleted = HeldInvoice.Replace("\"PAID\"", "\"DELETED\"", StringComparison.Ordinal);
        var manual = HeldInvoice.Replace("\"Reference\": \"INV-1001\",", "", StringComparison.Ordinal);
        Server.Enqueue("GET", "/Invoices", new ScriptedResponse(200, $$"""{"Invoices": [{{voided}}, {{deleted}}, {{manual}}]}"""));

        var page = await Gateway.ListAsync(Query("invoice"), CancellationToken.None);

        page.Records.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("bill", "getInvoices", "Invoices")]
    [InlineData("contact", "getContacts", "Contacts")]
    [InlineData("payment", "getPayments", "Payments")]
    public async Task ListAsync_OtherEntityTypes_ConformToTheirListingOperation(string entityType, string operationId, string collection)
    {
        Server.Enqueue("GET", "/" + collection, new ScriptedResponse(200, $$"""{"{{collection}}": []}"""));

        var page = await Gateway.ListAsync(Query(entityType), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        page.IsSuccess.ShouldBeTrue(page.Message);
        var sent = Server.RequestsFor(operationId).ShouldHaveSingleItem();
        sent.QueryValues.ContainsKey("where").ShouldBe(entityType == "bill");
    }

    [Fact]
    public async Task ListAsync_RateLimited_FailsWithRetryAfter()
    {
        Server.Enqueue("GET", "/Invoices", new ScriptedResponse(429, "{}").WithHeader("Retry-After", "30").WithHeader("X-Rate-Limit-Problem", "minute"));

        var page = await Gateway.ListAsync(Query("invoice"), CancellationToken.None);

        page.ErrorClass.ShouldBe(ErrorClass.RateLimited);
        page.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Expect_TheDeliveredInvoice_HasTheFieldsXeroHoldsForIt()
    {
        Server.Enqueue("GET", "/Invoices", new ScriptedResponse(200, $$"""{"Invoices": [{{HeldInvoice}}]}"""));

        var expected = Gateway.Expect(Subject("invoice", XeroBodies.Invoice))!;
        var held = (await Gateway.ListAsync(Query("invoice"), CancellationToken.None)).Records.Single();

        expected.Reference.ShouldBe(held.Reference);
        expected.Fields!.Keys.Order().ShouldBe(
        [
            "Contact.ContactID", "CurrencyCode", "Date", "DueDate", "LineItems", "LineItems[0].AccountCode", "LineItems[0].Description",
            "LineItems[0].Quantity", "LineItems[0].TaxType", "LineItems[0].UnitAmount",
        ]);
        foreach (var (field, value) in expected.Fields)
        {
            SameValue(value, held.Fields![field]).ShouldBeTrue($"{field}: {value} vs {held.Fields[field]}");
        }
    }

    [Fact]
    public async Task Expect_UnitPriceChangedInXero_ThatFieldDiffers()
    {
        Server.Enqueue("GET", "/Invoices", new ScriptedResponse(200, $$"""{"Invoices": [{{HeldInvoice.Replace("60.2500", "65.0000", StringComparison.Ordinal)}}]}"""));

        var expected = Gateway.Expect(Subject("invoice", XeroBodies.Invoice))!;
        var held = (await Gateway.ListAsync(Query("invoice"), CancellationToken.None)).Records.Single();

        expected.Fields!.Where(f => !SameValue(f.Value, held.Fields!.GetValueOrDefault(f.Key))).Select(f => f.Key)
            .ShouldBe(["LineItems[0].UnitAmount"]);
    }

    [Fact]
    public void Expect_EntityTypeXeroDoesNotDeliver_IsNull() =>
        Gateway.Expect(Subject("journal", "{}")).ShouldBeNull();

    [Fact]
    public void Expect_LongSourceId_UsesTheHashedReferenceDeliveryStamps()
    {
        var sourceId = new string('x', 300);

        var expected = Gateway.Expect(Subject("contact", XeroBodies.Contact, sourceId))!;

        expected.Reference.ShouldStartWith("SH-");
        expected.Fields!["EmailAddress"].ShouldBe("ada@example.org");
    }

    [Fact]
    public async Task FetchAsync_Invoice_ConformsAndFindsItByReferenceWithLineItems()
    {
        Server.Enqueue("GET", "/Invoices", new ScriptedResponse(200, $$"""{"Invoices": [{{HeldInvoice}}]}"""));

        var fetched = await Gateway.FetchAsync(Subject("invoice", XeroBodies.Invoice), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        fetched.Record.ShouldNotBeNull().Fields!["LineItems"].ShouldBe("1");
        var sent = Server.RequestsFor("getInvoices").ShouldHaveSingleItem();
        sent.QueryValues["where"].ShouldBe("Type==\"ACCREC\" AND Reference==\"INV-1001\"");
        sent.QueryValues["page"].ShouldBe("1");
    }

    [Fact]
    public async Task FetchAsync_OnlyAVoidedCopy_NotFound()
    {
        Server.Enqueue("GET", "/Invoices", new ScriptedResponse(200, $$"""{"Invoices": [{{HeldInvoice.Replace("\"PAID\"", "\"VOIDED\"", StringComparison.Ordinal)}}]}"""));

        var fetched = await Gateway.FetchAsync(Subject("invoice", XeroBodies.Invoice), CancellationToken.None);

        fetched.IsSuccess.ShouldBeTrue();
        fetched.Record.ShouldBeNull();
    }

    [Fact]
    public void Capabilities_ListsAndNeverResendsADifferentRecord()
    {
        Gateway.ReadMode(ConnectorSettings.Parse(Settings())).ShouldBe(DestinationReadMode.List);
        Gateway.ResendReplaces("invoice").ShouldBeFalse();
    }

    private static bool SameValue(string? expected, string? held) =>
        expected == held || (decimal.TryParse(expected, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(held, NumberStyles.Number, CultureInfo.InvariantCulture, out var b) && a == b);

    private DestinationQuery Query(string entityType) => new()
    {
        IntegrationSlug = XeroRequests.Integration,
        Settings = ConnectorSettings.Parse(Settings()),
        EntityType = entityType,
        ChangedFrom = From,
    };

    private DestinationSubject Subject(string entityType, string body, string sourceId = "INV-1001") => new()
    {
        IntegrationSlug = XeroRequests.Integration,
        EntityType = entityType,
        SourceId = sourceId,
        IdempotencyKey = "0f8fad5bd9cb469fa16570867728950e.1",
        Body = body,
        Settings = ConnectorSettings.Parse(Settings()),
    };
}
