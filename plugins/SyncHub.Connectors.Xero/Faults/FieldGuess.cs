using System.Text.RegularExpressions;
using SyncHub.Connectors.Xero.Payloads;

namespace SyncHub.Connectors.Xero.Faults;

/// <summary>
/// Which field a Xero validation message is about. Xero names no field, only says it in words ("Account code
/// '999' is not a valid code"), so this reads the words; null when they name none it knows.
/// </summary>
internal static partial class FieldGuess
{
    private static readonly (Regex Pattern, string Field)[] Rules =
    [
        (ContactName(), "Name"),
        (InvoiceNumber(), "InvoiceNumber"),
        (Word("account ?code"), "AccountCode"),
        (Word("tax ?(type|rate)"), "TaxType"),
        (Word("item ?code"), "ItemCode"),
        (Word("e-?mail"), "EmailAddress"),
        (Word("due ?date"), "DueDate"),
        (Word("currency"), "CurrencyCode"),
        (Word("quantity"), "Quantity"),
        (Word("unit ?(amount|price)"), "UnitAmount"),
        (Word("description"), "Description"),
        (Word("line ?items?"), "LineItems"),
        (Word("contact"), "Contact"),
        (Word("(date|period lock|lock date)"), "Date"),
        (Word("amount"), "Amount"),
        (Word("reference"), "Reference"),
        (Word("account"), "Account"),
        (Word("invoice"), "Invoice"),
        (Word("status"), "Status"),
    ];

    private static readonly HashSet<string> LineItemFields = new(StringComparer.Ordinal)
    {
        "AccountCode", "TaxType", "ItemCode", "Quantity", "UnitAmount", "Description",
    };

    /// <summary>
    /// The field named by <paramref name="message"/>, as a path under <paramref name="path"/> (the object the
    /// message was attached to, for example <c>LineItems[1]</c>; null for the top-level item).
    /// </summary>
    public static string? Guess(string message, string? path, XeroEntity entity)
    {
        var field = Rules.FirstOrDefault(rule => rule.Pattern.IsMatch(message)).Field;
        if (field is null)
        {
            return null;
        }

        if (entity == XeroEntities.Payment && field == "AccountCode")
        {
            field = "Account";
        }

        if (path is not null)
        {
            return path.StartsWith(field, StringComparison.Ordinal) ? path : $"{path}.{field}";
        }

        return entity.InvoiceType is not null && LineItemFields.Contains(field) ? "LineItems." + field : field;
    }

    [GeneratedRegex(@"already assigned to another contact|contact name .* (unique|already)", RegexOptions.IgnoreCase)]
    private static partial Regex ContactName();

    [GeneratedRegex(@"invoice ?(#|number)", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceNumber();

    private static Regex Word(string pattern) =>
        new($@"\b{pattern}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
