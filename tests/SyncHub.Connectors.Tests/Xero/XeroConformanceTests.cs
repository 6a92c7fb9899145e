using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>Every call the connector makes conforms to the published Xero Accounting API spec.</summary>
public sealed class XeroConformanceTests : XeroSpecFixture
{
    [Theory]
    [InlineData("invoice", "createInvoices")]
    [InlineData("bill", "createInvoices")]
    [InlineData("contact", "createContacts")]
    public async Task DeliverAsync_EachEntityType_ConformsAndReadsTheSpecsExampleAnswer(string entityType, string operationId)
    {
        var outcome = await Gateway.DeliverAsync(Delivery(entityType), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
        Guid.TryParse(outcome.ExternalId, out _).ShouldBeTrue($"'{outcome.ExternalId}' is not the example's id");
        var received = Server.Requests.ShouldHaveSingleItem();
        received.OperationId.ShouldBe(operationId);
        received.Header("Idempotency-Key").ShouldBe("0f8fad5bd9cb469fa16570867728950e.1");
        received.Header("Accept").ShouldBe("application/json");
    }

    [Fact]
    public async Task DeliverAsync_Payment_ConformsAndKeepsThePaymentId()
    {
        Server.Enqueue("PUT", "/Payments", new ScriptedResponse(200, XeroBodies.Created("Payments", "PaymentID", "61ed71fc-01bf-4eb8-8419-8a18789ff45f")));

        var outcome = await Gateway.DeliverAsync(Delivery("payment"), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
        outcome.ExternalId.ShouldBe("61ed71fc-01bf-4eb8-8419-8a18789ff45f");
        Server.Requests.ShouldHaveSingleItem().OperationId.ShouldBe("createPayments");
    }

    [Fact]
    public async Task DeliverAsync_SpecsPaymentExampleCarriesAValidationError_InvalidNamingTheAmount()
    {
        // The spec's 200 example for createPayments is a refused payment (as summarizeErrors=false answers).
        var outcome = await Gateway.DeliverAsync(Delivery("payment"), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.FieldProblems.ShouldContain(new FieldProblem("Amount", "Payment amount exceeds the amount outstanding on this document"));
    }

    [Theory]
    [InlineData("invoice", "getInvoices", "Invoices", "Type==\"ACCREC\" AND Reference==\"INV-1001\"")]
    [InlineData("bill", "getInvoices", "Invoices", "Type==\"ACCPAY\" AND Reference==\"INV-1001\"")]
    [InlineData("contact", "getContacts", "Contacts", "ContactNumber==\"INV-1001\"")]
    [InlineData("payment", "getPayments", "Payments", "Reference==\"INV-1001\"")]
    public async Task LookupAsync_EachEntityType_ConformsWithTheWhereFilter(string entityType, string operationId, string collection, string where)
    {
        var idProperty = collection == "Invoices" ? "InvoiceID" : collection[..^1] + "ID";
        Server.Enqueue("GET", "/" + collection,
            new ScriptedResponse(200, $$"""{"{{collection}}": []}"""),
            new ScriptedResponse(200, $$"""{"{{collection}}": [{"{{idProperty}}": "{{XeroBodies.InvoiceId}}"}]}"""));

        var notFound = await Gateway.LookupAsync(XeroRequests.Lookup(entityType, settings: Settings()), CancellationToken.None);
        var found = await Gateway.LookupAsync(XeroRequests.Lookup(entityType, settings: Settings()), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        notFound.IsFound.ShouldBeFalse();
        notFound.ErrorClass.ShouldBe(ErrorClass.None);
        found.IsFound.ShouldBeTrue();
        found.ExternalId.ShouldBe(XeroBodies.InvoiceId);
        Server.Requests.ShouldAllBe(request => request.OperationId == operationId && request.QueryValues["where"] == where);
    }

    [Fact]
    public async Task TestConnectionAsync_Conforms_AndNamesTheOrganisation()
    {
        var result = await Gateway.TestConnectionAsync(XeroRequests.Integration, ConnectorSettings.Parse(Settings()), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue(result.Message);
        result.Message.ShouldStartWith("Connected to ");
        Server.Requests.ShouldHaveSingleItem().OperationId.ShouldBe("getOrganisations");
    }

    [Fact]
    public async Task DeliverAsync_WithoutAnAccessToken_RefreshesThenConformsWithTheNewToken()
    {
        Xero.Grant("access-token-2", "refresh-token-2");

        var outcome = await Gateway.DeliverAsync(Delivery(accessToken: null), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
        Server.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBe("Bearer access-token-2");
        Store.Saved.ShouldHaveSingleItem().Values["refreshToken"].ShouldBe("refresh-token-2");
    }
}
