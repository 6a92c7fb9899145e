using Shouldly;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>Bodies Xero could not take are refused before any call, naming the field to fix in the mapping.</summary>
public sealed class XeroBodyValidationTests : XeroTestBase
{
    [Theory]
    [InlineData("invoice", "not json", "Body")]
    [InlineData("invoice", "[1, 2]", "Body")]
    [InlineData("invoice", "\"text\"", "Body")]
    [InlineData("invoice", """{"LineItems": [{"Description": "x"}]}""", "Contact")]
    [InlineData("invoice", """{"Contact": {"EmailAddress": "a@b.c"}, "LineItems": [{"Description": "x"}]}""", "Contact")]
    [InlineData("invoice", """{"Contact": {"Name": "A"}}""", "LineItems")]
    [InlineData("invoice", """{"Contact": {"Name": "A"}, "LineItems": []}""", "LineItems")]
    [InlineData("bill", """{"Contact": {"Name": "A"}, "LineItems": [{"Quantity": 1}]}""", "LineItems[0].Description")]
    [InlineData("bill", """{"Contact": {"Name": "A"}, "LineItems": [{"Description": "x", "UnitAmount": "12.50"}]}""", "LineItems[0].UnitAmount")]
    [InlineData("bill", """{"Contact": {"Name": "A"}, "LineItems": [{"Description": "x"}], "Type": "ACCREC"}""", "Type")]
    [InlineData("invoice", """{"Contact": {"Name": "A"}, "LineItems": [{"Description": "x"}], "Date": 20260301}""", "Date")]
    [InlineData("invoice", """{"Invoices": [{"Contact": {"Name": "A"}}]}""", "Invoices")]
    [InlineData("contact", """{"EmailAddress": "ada@example.org"}""", "Name")]
    [InlineData("contact", """{"Name": "  "}""", "Name")]
    [InlineData("payment", """{"Account": {"Code": "090"}, "Date": "2026-03-02", "Amount": 5}""", "Invoice")]
    [InlineData("payment", """{"Invoice": {"InvoiceNumber": "INV-1"}, "Date": "2026-03-02", "Amount": 5}""", "Account")]
    [InlineData("payment", """{"Invoice": {"InvoiceNumber": "INV-1"}, "Account": {"Code": "090"}, "Date": "2026-03-02"}""", "Amount")]
    [InlineData("payment", """{"Invoice": {"InvoiceNumber": "INV-1"}, "Account": {"Code": "090"}, "Amount": 5}""", "Date")]
    public async Task DeliverAsync_BodyXeroCannotTake_InvalidNamingTheFieldAndNothingSent(string entityType, string body, string field)
    {
        var outcome = await Gateway.DeliverAsync(XeroRequests.Delivery(entityType, body), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.FieldProblems.Select(problem => problem.Field).ShouldContain(field);
        outcome.Message.ShouldNotBeNullOrWhiteSpace();
        Xero.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_LowercasePropertyNames_AcceptedAsXeroDoes()
    {
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));
        const string body = """{"contact": {"name": "A"}, "lineItems": [{"description": "x", "quantity": 1}]}""";

        var outcome = await Gateway.DeliverAsync(XeroRequests.Delivery(body: body), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
    }
}
