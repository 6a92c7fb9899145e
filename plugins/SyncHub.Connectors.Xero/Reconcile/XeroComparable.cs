using System.Globalization;
using System.Text.Json;
using SyncHub.Connectors.Xero.Payloads;

namespace SyncHub.Connectors.Xero.Reconcile;

/// <summary>
/// The fields reconciliation compares for each Xero type, read the same way from the body a delivery sends and from the
/// item Xero returns. Left out on purpose: an invoice's <c>Status</c> and totals, which Xero changes as the invoice is
/// approved and paid, and the reference, which both sides are matched on.
/// </summary>
internal static class XeroComparable
{
    private static readonly string[] ContactKeys = ["ContactID", "ContactNumber", "Name"];
    private static readonly string[] LineKeys = ["Description", "Quantity", "UnitAmount", "AccountCode", "TaxType", "ItemCode"];
    private static readonly string[] ContactFields = ["Name", "FirstName", "LastName"];
    private const int MaxLineItems = 50;

    public static Dictionary<string, string?> Fields(XeroEntity entity, JsonElement item)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (entity.InvoiceType is not null)
        {
            Invoice(item, fields);
        }
        else if (entity == XeroEntities.Contact)
        {
            foreach (var name in ContactFields)
            {
                Add(fields, name, XeroValues.Text(item, name));
            }

            Add(fields, "EmailAddress", XeroValues.Text(item, "EmailAddress")?.ToLowerInvariant());
        }
        else
        {
            Add(fields, "Amount", XeroValues.Text(item, "Amount"));
            Add(fields, "Date", XeroValues.Date(item, "Date"));
            Nested(item, "Invoice", ["InvoiceID", "InvoiceNumber"], fields);
            Nested(item, "Account", ["AccountID", "Code"], fields);
        }

        return fields;
    }

    /// <summary>What to show beside a record Xero holds: number, contact and total, or the contact's name, or the amount.</summary>
    public static string? Label(XeroEntity entity, JsonElement item)
    {
        string?[] parts = entity.InvoiceType is not null
            ? [XeroValues.Text(item, "InvoiceNumber"), XeroValues.Property(item, "Contact") is { } contact ? XeroValues.Text(contact, "Name") : null,
                Money(item, "Total")]
            : entity == XeroEntities.Contact ? [XeroValues.Text(item, "Name")]
            : [Money(item, "Amount"), XeroValues.Date(item, "Date")];
        var label = string.Join(" · ", parts.Where(p => p is not null));
        return label.Length == 0 ? null : UntrustedText.OneLine(label, 200);
    }

    private static void Invoice(JsonElement item, Dictionary<string, string?> fields)
    {
        Add(fields, "InvoiceNumber", XeroValues.Text(item, "InvoiceNumber"));
        Nested(item, "Contact", ContactKeys, fields);
        Add(fields, "Date", XeroValues.Date(item, "Date"));
        Add(fields, "DueDate", XeroValues.Date(item, "DueDate"));
        Add(fields, "CurrencyCode", XeroValues.Text(item, "CurrencyCode")?.ToUpperInvariant());
        if (XeroValues.Property(item, "LineItems") is not { ValueKind: JsonValueKind.Array } lines)
        {
            return;
        }

        Add(fields, "LineItems", lines.GetArrayLength().ToString(CultureInfo.InvariantCulture));
        var index = 0;
        foreach (var line in lines.EnumerateArray().Take(MaxLineItems))
        {
            foreach (var key in LineKeys)
            {
                Add(fields, $"LineItems[{index.ToString(CultureInfo.InvariantCulture)}].{key}", XeroValues.Text(line, key));
            }

            index++;
        }
    }

    private static void Nested(JsonElement item, string name, string[] keys, Dictionary<string, string?> fields)
    {
        if (XeroValues.Property(item, name) is { ValueKind: JsonValueKind.Object } nested)
        {
            foreach (var key in keys)
            {
                Add(fields, name + "." + key, XeroValues.Text(nested, key));
            }
        }
    }

    private static string? Money(JsonElement item, string name) =>
        XeroValues.Text(item, name) is { } amount ? (amount + " " + XeroValues.Text(item, "CurrencyCode")).Trim() : null;

    private static void Add(Dictionary<string, string?> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields[name] = value;
        }
    }
}
