using Shouldly;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>Finding a record again by the reference delivery stamped into it.</summary>
public sealed class XeroLookupTests : XeroTestBase
{
    [Theory]
    [InlineData("invoice", "/api.xro/2.0/Invoices", "Type==\"ACCREC\" AND Reference==\"INV-1001\"")]
    [InlineData("bill", "/api.xro/2.0/Invoices", "Type==\"ACCPAY\" AND Reference==\"INV-1001\"")]
    [InlineData("contact", "/api.xro/2.0/Contacts", "ContactNumber==\"INV-1001\"")]
    [InlineData("payment", "/api.xro/2.0/Payments", "Reference==\"INV-1001\"")]
    public async Task LookupAsync_EachEntityType_GetsTheCollectionFilteredByTheReference(string entityType, string path, string where)
    {
        Xero.Api(200, "{}".Replace("{}", $$"""{"{{path.Split('/')[^1]}}": []}""", StringComparison.Ordinal));

        await Gateway.LookupAsync(XeroRequests.Lookup(entityType), CancellationToken.None);

        var sent = Xero.ApiCalls.ShouldHaveSingleItem();
        sent.Method.ShouldBe("GET");
        sent.Url.AbsolutePath.ShouldBe(path);
        sent.Url.Query.ShouldBe("?where=" + Uri.EscapeDataString(where));
        sent.Headers["xero-tenant-id"].ShouldBe("tenant-1");
        sent.Headers["Authorization"].ShouldBe("Bearer " + XeroSettingsJson.AccessToken);
    }

    [Fact]
    public async Task LookupAsync_Match_FoundWithTheInvoiceId()
    {
        Xero.Api(200, $$"""{"Invoices": [{"InvoiceID": "{{XeroBodies.InvoiceId}}", "Reference": "INV-1001", "Status": "AUTHORISED"}]}""");

        var outcome = await Gateway.LookupAsync(XeroRequests.Lookup(), CancellationToken.None);

        outcome.IsFound.ShouldBeTrue();
        outcome.ExternalId.ShouldBe(XeroBodies.InvoiceId);
    }

    [Fact]
    public async Task LookupAsync_ContactMatch_FoundWithTheContactId()
    {
        Xero.Api(200, $$"""{"Contacts": [{"ContactID": "{{XeroBodies.ContactId}}", "ContactNumber": "INV-1001"}]}""");

        var outcome = await Gateway.LookupAsync(XeroRequests.Lookup("contact"), CancellationToken.None);

        outcome.ExternalId.ShouldBe(XeroBodies.ContactId);
    }

    [Fact]
    public async Task LookupAsync_NoMatch_NotFound()
    {
        Xero.Api(200, """{"Invoices": []}""");

        var outcome = await Gateway.LookupAsync(XeroRequests.Lookup(), CancellationToken.None);

        outcome.IsFound.ShouldBeFalse();
        outcome.IsNotSupported.ShouldBeFalse();
        outcome.ErrorClass.ShouldBe(ErrorClass.None);
    }

    [Fact]
    public async Task LookupAsync_EntityTypeXeroConnectorDoesNotKnow_NotSupportedAndNothingSent()
    {
        var outcome = await Gateway.LookupAsync(XeroRequests.Lookup("journal"), CancellationToken.None);

        outcome.IsNotSupported.ShouldBeTrue();
        Xero.Sent.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(500, ErrorClass.ServerError)]
    [InlineData(503, ErrorClass.Transient)]
    [InlineData(429, ErrorClass.RateLimited)]
    [InlineData(404, ErrorClass.NotFound)]
    public async Task LookupAsync_Refused_FailedSoTheOutcomeStaysUnknown(int status, ErrorClass expected)
    {
        Xero.Api(status, "nope");

        var outcome = await Gateway.LookupAsync(XeroRequests.Lookup(), CancellationToken.None);

        outcome.IsFound.ShouldBeFalse();
        outcome.ErrorClass.ShouldBe(expected);
        outcome.HttpStatus.ShouldBe(status);
    }

    [Fact]
    public async Task LookupAsync_AnswerWithoutTheCollection_SchemaMismatch()
    {
        Xero.Api(200, """{"Status": "OK"}""");

        var outcome = await Gateway.LookupAsync(XeroRequests.Lookup(), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.SchemaMismatch);
    }

    [Fact]
    public async Task LookupAsync_401_RefreshesAndAsksAgain()
    {
        Xero.Api(401);
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(200, $$"""{"Invoices": [{"InvoiceID": "{{XeroBodies.InvoiceId}}"}]}""");

        var outcome = await Gateway.LookupAsync(XeroRequests.Lookup(), CancellationToken.None);

        outcome.IsFound.ShouldBeTrue();
        Xero.ApiCalls[1].Headers["Authorization"].ShouldBe("Bearer access-token-2");
    }
}
