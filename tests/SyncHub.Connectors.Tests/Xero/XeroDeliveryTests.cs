using System.Text.Json;
using Shouldly;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>What the connector sends to Xero for each entity type, and what it makes of the answer.</summary>
public sealed class XeroDeliveryTests : XeroTestBase
{
    [Theory]
    [InlineData("invoice", "Invoices", "InvoiceID", "/api.xro/2.0/Invoices?summarizeErrors=true&unitdp=4")]
    [InlineData("bill", "Invoices", "InvoiceID", "/api.xro/2.0/Invoices?summarizeErrors=true&unitdp=4")]
    [InlineData("contact", "Contacts", "ContactID", "/api.xro/2.0/Contacts?summarizeErrors=true")]
    [InlineData("payment", "Payments", "PaymentID", "/api.xro/2.0/Payments?summarizeErrors=true")]
    public async Task DeliverAsync_EachEntityType_PutsTheCollectionWithTenantTokenAndIdempotencyKey(string entityType, string collection, string idProperty, string path)
    {
        Xero.Api(200, XeroBodies.Created(collection, idProperty, "11111111-2222-4333-8444-555555555555"));

        var outcome = await Gateway.DeliverAsync(XeroRequests.Delivery(entityType), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
        outcome.ExternalId.ShouldBe("11111111-2222-4333-8444-555555555555");
        var sent = Xero.ApiCalls.ShouldHaveSingleItem();
        sent.Method.ShouldBe("PUT");
        sent.PathAndQuery.ShouldBe(path);
        sent.Headers["xero-tenant-id"].ShouldBe("tenant-1");
        sent.Headers["Authorization"].ShouldBe("Bearer " + XeroSettingsJson.AccessToken);
        sent.Headers["Accept"].ShouldBe("application/json");
        sent.Headers["Idempotency-Key"].ShouldBe("0f8fad5bd9cb469fa16570867728950e.1");
        sent.Headers["Content-Type"].ShouldStartWith("application/json");
        using var body = JsonDocument.Parse(sent.Body);
        body.RootElement.GetProperty(collection).GetArrayLength().ShouldBe(1);
        Xero.TokenCalls.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("invoice", "ACCREC")]
    [InlineData("bill", "ACCPAY")]
    public async Task DeliverAsync_InvoiceOrBill_StampsTheTypeAndTheSourceIdAsReference(string entityType, string type)
    {
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));

        await Gateway.DeliverAsync(XeroRequests.Delivery(entityType, sourceId: "EXP-2026-17"), CancellationToken.None);

        var invoice = SentItem("Invoices");
        invoice.GetProperty("Type").GetString().ShouldBe(type);
        invoice.GetProperty("Reference").GetString().ShouldBe("EXP-2026-17");
        invoice.GetProperty("LineItems")[0].GetProperty("AccountCode").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task DeliverAsync_MappingSetsItsOwnReference_SyncHubsReferenceReplacesItWhateverTheCasing()
    {
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));
        var body = XeroBodies.Invoice.Replace("\"Status\"", "\"reference\": \"mine\", \"Status\"", StringComparison.Ordinal);

        await Gateway.DeliverAsync(XeroRequests.Delivery(body: body), CancellationToken.None);

        var invoice = SentItem("Invoices");
        invoice.GetProperty("Reference").GetString().ShouldBe("INV-1001");
        invoice.TryGetProperty("reference", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task DeliverAsync_Contact_StampsTheSourceIdAsContactNumber()
    {
        Xero.Api(200, XeroBodies.Created("Contacts", "ContactID", XeroBodies.ContactId));

        await Gateway.DeliverAsync(XeroRequests.Delivery("contact", sourceId: "donor-42"), CancellationToken.None);

        var contact = SentItem("Contacts");
        contact.GetProperty("ContactNumber").GetString().ShouldBe("donor-42");
        contact.GetProperty("Name").GetString().ShouldBe("Ada Lovelace");
    }

    [Fact]
    public async Task DeliverAsync_SourceIdWithQuotes_ReferenceIsAStableHashThatLooksUpTheSame()
    {
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));
        Xero.Api(200, """{"Invoices": []}""");
        const string sourceId = "INV \"7\" \\ 2026";

        await Gateway.DeliverAsync(XeroRequests.Delivery(sourceId: sourceId), CancellationToken.None);
        await Gateway.LookupAsync(XeroRequests.Lookup(sourceId: sourceId), CancellationToken.None);

        var reference = SentItem("Invoices").GetProperty("Reference").GetString()!;
        reference.ShouldStartWith("SH-");
        reference.ShouldNotContain("\"");
        var where = Uri.UnescapeDataString(Xero.ApiCalls[1].Url.Query);
        where.ShouldContain($"Reference==\"{reference}\"");
    }

    [Fact]
    public async Task DeliverAsync_ContactSourceIdLongerThanContactNumberAllows_HashFitsAndLooksUpTheSame()
    {
        Xero.Api(200, XeroBodies.Created("Contacts", "ContactID", XeroBodies.ContactId));
        Xero.Api(200, """{"Contacts": []}""");
        var sourceId = "member-" + new string('7', 60);

        await Gateway.DeliverAsync(XeroRequests.Delivery("contact", sourceId: sourceId), CancellationToken.None);
        await Gateway.LookupAsync(XeroRequests.Lookup("contact", sourceId: sourceId), CancellationToken.None);

        var number = SentItem("Contacts").GetProperty("ContactNumber").GetString()!;
        number.Length.ShouldBeLessThanOrEqualTo(50);
        Uri.UnescapeDataString(Xero.ApiCalls[1].Url.Query).ShouldBe($"?where=ContactNumber==\"{number}\"");
    }

    [Fact]
    public async Task DeliverAsync_IdempotencyKeyLongerThanXeroAllows_SendsTheSameHashOnEveryAttempt()
    {
        Xero.Api(503);
        Xero.Api(503);
        var key = new string('k', 200);

        await Gateway.DeliverAsync(XeroRequests.Delivery(idempotencyKey: key), CancellationToken.None);
        await Gateway.DeliverAsync(XeroRequests.Delivery(idempotencyKey: key), CancellationToken.None);

        var keys = Xero.ApiCalls.Select(call => call.Headers["Idempotency-Key"]).ToList();
        keys[0].Length.ShouldBeLessThanOrEqualTo(128);
        keys[1].ShouldBe(keys[0]);
    }

    [Fact]
    public async Task DeliverAsync_200WithTheItemsValidationErrors_InvalidWithTheFields()
    {
        Xero.Api(200, """
            {"Invoices": [{"InvoiceID": "00000000-0000-0000-0000-000000000000", "HasErrors": true,
              "ValidationErrors": [{"Message": "Account code '999' is not a valid code for this document."}]}]}
            """);

        var outcome = await Gateway.DeliverAsync(XeroRequests.Delivery(), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("LineItems.AccountCode");
    }

    [Fact]
    public async Task DeliverAsync_SuccessWithoutJson_DeliveredWithoutAnId()
    {
        Xero.Api(200, "OK");

        var outcome = await Gateway.DeliverAsync(XeroRequests.Delivery(), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue();
        outcome.ExternalId.ShouldBeNull();
    }

    [Fact]
    public async Task DeliverAsync_UnknownEntityType_ValidationFailureAndNothingSent()
    {
        var outcome = await Gateway.DeliverAsync(XeroRequests.Delivery("customer", body: "{}"), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.Message!.ShouldContain("customer");
        Xero.Sent.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("tenantId")]
    [InlineData("clientId")]
    [InlineData("refreshToken")]
    public async Task DeliverAsync_RequiredSettingMissing_ConnectorFaultNamingIt(string setting)
    {
        var settings = setting switch
        {
            "tenantId" => XeroSettingsJson.Create(tenantId: null),
            "clientId" => XeroSettingsJson.Create(clientId: null),
            _ => XeroSettingsJson.Create(refreshToken: null),
        };

        var outcome = await Gateway.DeliverAsync(XeroRequests.Delivery(settings: settings), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.ConnectorFault);
        outcome.Message!.ShouldContain($"'{setting}'");
        Xero.Sent.ShouldBeEmpty();
    }

    private JsonElement SentItem(string collection)
    {
        var sent = Xero.ApiCalls.First(call => call.Method == "PUT");
        using var document = JsonDocument.Parse(sent.Body);
        return document.RootElement.GetProperty(collection)[0].Clone();
    }
}
