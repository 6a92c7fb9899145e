using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Xero.Payloads;

/// <summary>
/// Turns a record's rendered body (one Xero object) into the create call's body <c>{"Invoices": [ … ]}</c>,
/// after checking the fields Xero cannot do without and stamping the type and SyncHub's reference.
/// </summary>
internal static class XeroPayload
{
    // Xero reads property names case-insensitively; so do the checks, and a stamped property replaces any casing of it.
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    public static BuiltPayload Build(XeroEntity entity, string body, string sourceId)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body, NodeOptions);
        }
        catch (JsonException)
        {
            return BuiltPayload.Refused("Body", $"The mapping did not render JSON; a Xero {entity.Label} is a JSON object.");
        }

        if (node is not JsonObject item)
        {
            return BuiltPayload.Refused("Body", $"A Xero {entity.Label} is a JSON object, not {Describe(node)}.");
        }

        if (item.ContainsKey(entity.Collection))
        {
            return BuiltPayload.Refused(entity.Collection,
                $"Render one {entity.Label} object per record, without the {{\"{entity.Collection}\": [...]}} wrapper: the connector adds it.");
        }

        var problems = XeroBodyRules.Check(entity, item);
        if (entity.InvoiceType is { } type)
        {
            StampType(entity, item, type, problems);
        }

        if (problems.Count > 0)
        {
            return BuiltPayload.Refused(problems);
        }

        item.Remove(entity.ReferenceProperty);
        item[entity.ReferenceProperty] = XeroReference.For(sourceId, entity.ReferenceMaxLength);
        return BuiltPayload.Of(new JsonObject { [entity.Collection] = new JsonArray(item) }.ToJsonString());
    }

    private static void StampType(XeroEntity entity, JsonObject item, string type, List<FieldProblem> problems)
    {
        if (item["Type"] is { } given && !(given.GetValueKind() == JsonValueKind.String
            && string.Equals(given.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new FieldProblem("Type", $"A SyncHub {entity.EntityType} is sent to Xero as Type {type}; leave Type out of the mapping or set it to {type}."));
            return;
        }

        item.Remove("Type");
        item["Type"] = type;
    }

    private static string Describe(JsonNode? node) => node is null ? "null" : node.GetValueKind() switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a " + node.GetValueKind().ToString().ToLowerInvariant(),
    };
}
