namespace SyncHub.Connectors.Xero.Payloads;

/// <summary>How one SyncHub entity type maps onto a Xero collection.</summary>
/// <param name="EntityType">SyncHub's name, for example <c>bill</c>.</param>
/// <param name="Collection">Xero's endpoint and wrapper property, for example <c>Invoices</c>.</param>
/// <param name="Label">What Xero calls one item, for example <c>Invoice</c>; field problems fall back to <c>Invoice[0]</c>.</param>
/// <param name="IdProperty">The id Xero returns, for example <c>InvoiceID</c>.</param>
/// <param name="ReferenceProperty">Where SyncHub's stable reference goes so a look-up can find the record.</param>
/// <param name="ReferenceMaxLength">How long Xero lets that property be.</param>
internal sealed record XeroEntity(string EntityType, string Collection, string Label, string IdProperty, string ReferenceProperty, int ReferenceMaxLength)
{
    /// <summary>ACCREC or ACCPAY for invoices and bills; null for the other types.</summary>
    public string? InvoiceType { get; init; }

    /// <summary>Extra query parameters of the create call.</summary>
    public string CreateQuery { get; init; } = "summarizeErrors=true";

    /// <summary>The <c>where</c> filter that finds the record carrying <paramref name="reference"/>.</summary>
    public string LookupFilter(string reference) => InvoiceType is null
        ? $"{ReferenceProperty}==\"{reference}\""
        : $"Type==\"{InvoiceType}\" AND {ReferenceProperty}==\"{reference}\"";
}
