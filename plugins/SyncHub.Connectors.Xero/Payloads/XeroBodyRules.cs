using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Xero.Payloads;

/// <summary>
/// The fields Xero refuses a create without, checked before any call so the administrator sees which field of
/// the mapping to fix. Everything else is left for Xero to judge.
/// </summary>
internal static class XeroBodyRules
{
    private static readonly string[] LineItemNumbers = ["Quantity", "UnitAmount", "LineAmount", "DiscountRate"];

    public static List<FieldProblem> Check(XeroEntity entity, JsonObject item)
    {
        var problems = new List<FieldProblem>();
        if (entity.InvoiceType is not null)
        {
            CheckInvoice(item, problems);
        }
        else if (entity == XeroEntities.Contact)
        {
            RequireText(item, "Name", "A contact needs a Name (unique among the organisation's active contacts).", problems);
        }
        else if (entity == XeroEntities.Payment)
        {
            CheckPayment(item, problems);
        }

        return problems;
    }

    private static void CheckInvoice(JsonObject item, List<FieldProblem> problems)
    {
        if (item["Contact"] is not JsonObject contact)
        {
            problems.Add(new("Contact", "Contact is required: an object with a ContactID, Name or ContactNumber."));
        }
        else if (!HasText(contact, "ContactID") && !HasText(contact, "Name") && !HasText(contact, "ContactNumber"))
        {
            problems.Add(new("Contact", "Contact needs a ContactID, Name or ContactNumber."));
        }

        if (item["LineItems"] is not JsonArray lines || lines.Count == 0)
        {
            problems.Add(new("LineItems", "At least one line item is required."));
        }
        else
        {
            for (var i = 0; i < lines.Count; i++)
            {
                CheckLineItem(lines[i], $"LineItems[{i}]", problems);
            }
        }

        OptionalText(item, "Date", problems);
        OptionalText(item, "DueDate", problems);
    }

    private static void CheckLineItem(JsonNode? node, string path, List<FieldProblem> problems)
    {
        if (node is not JsonObject line)
        {
            problems.Add(new(path, "A line item is an object."));
            return;
        }

        if (!HasText(line, "Description") && !HasText(line, "ItemCode"))
        {
            problems.Add(new(path + ".Description", "A line item needs a Description (or an ItemCode)."));
        }

        foreach (var name in LineItemNumbers)
        {
            if (line[name] is { } value && value.GetValueKind() != JsonValueKind.Number)
            {
                problems.Add(new($"{path}.{name}", $"{name} must be a number."));
            }
        }
    }

    private static void CheckPayment(JsonObject item, List<FieldProblem> problems)
    {
        var paid = new[] { "CreditNote", "Prepayment", "Overpayment" }.Any(name => item[name] is JsonObject);
        if (!paid && (item["Invoice"] is not JsonObject invoice || (!HasText(invoice, "InvoiceID") && !HasText(invoice, "InvoiceNumber"))))
        {
            problems.Add(new("Invoice", "A payment needs the Invoice it pays: an object with an InvoiceID or InvoiceNumber."));
        }

        if (item["Account"] is not JsonObject account || (!HasText(account, "AccountID") && !HasText(account, "Code")))
        {
            problems.Add(new("Account", "A payment needs the Account it is paid from or into: an object with an AccountID or Code."));
        }

        if (item["Amount"] is not { } amount || amount.GetValueKind() != JsonValueKind.Number)
        {
            problems.Add(new("Amount", "A payment needs an Amount (a number)."));
        }

        RequireText(item, "Date", "A payment needs a Date (YYYY-MM-DD).", problems);
    }

    private static void RequireText(JsonObject item, string name, string message, List<FieldProblem> problems)
    {
        if (!HasText(item, name))
        {
            problems.Add(new(name, message));
        }
    }

    private static void OptionalText(JsonObject item, string name, List<FieldProblem> problems)
    {
        if (item[name] is { } value && value.GetValueKind() != JsonValueKind.String)
        {
            problems.Add(new(name, $"{name} must be a text date (YYYY-MM-DD)."));
        }
    }

    private static bool HasText(JsonObject item, string name) =>
        item[name] is { } value && value.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetValue<string>());
}
