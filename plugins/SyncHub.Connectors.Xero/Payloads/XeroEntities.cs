namespace SyncHub.Connectors.Xero.Payloads;

/// <summary>The entity types the Xero connector delivers.</summary>
internal static class XeroEntities
{
    // unitdp=4 keeps four-decimal unit prices instead of letting Xero round them to two.
    public static readonly XeroEntity Invoice = new("invoice", "Invoices", "Invoice", "InvoiceID", "Reference", 255)
    {
        InvoiceType = "ACCREC",
        CreateQuery = "summarizeErrors=true&unitdp=4",
    };

    public static readonly XeroEntity Bill = Invoice with { EntityType = "bill", InvoiceType = "ACCPAY" };

    public static readonly XeroEntity Contact = new("contact", "Contacts", "Contact", "ContactID", "ContactNumber", 50);

    public static readonly XeroEntity Payment = new("payment", "Payments", "Payment", "PaymentID", "Reference", 255);

    public static IReadOnlyList<XeroEntity> All { get; } = [Invoice, Bill, Contact, Payment];

    public static XeroEntity? Find(string entityType) =>
        All.FirstOrDefault(entity => string.Equals(entity.EntityType, entityType?.Trim(), StringComparison.OrdinalIgnoreCase));
}
