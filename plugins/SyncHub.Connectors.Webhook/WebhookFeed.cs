using System.Globalization;
using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Webhook;

/// <summary>
/// The webhook connector's source side: a JSON feed at <c>sourceUrl</c>, read with <c>changedFrom</c>,
/// <c>changedTo</c>, <c>cursor</c> and <c>limit</c> query parameters, answering
/// <c>{"records": [{"entityType", "sourceId", "payload": {…}, "changedAt", "parent"?: {"entityType", "sourceId"}}], "next": cursor | null}</c>.
/// </summary>
internal static class WebhookFeed
{
    public const int MaxPageBytes = 8 * 1024 * 1024;

    public static Uri? PageUrl(ConnectorSettings settings, SourceQuery query)
    {
        if (settings.GetString("sourceUrl") is not { } text || !Uri.TryCreate(text, UriKind.Absolute, out var source)
            || source.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var parameters = new List<string>();
        Add(parameters, "changedFrom", query.ChangedFrom?.ToString("O", CultureInfo.InvariantCulture));
        Add(parameters, "changedTo", query.ChangedTo?.ToString("O", CultureInfo.InvariantCulture));
        Add(parameters, "cursor", query.Cursor);
        Add(parameters, "limit", query.PageSize.ToString(CultureInfo.InvariantCulture));
        var separator = string.IsNullOrEmpty(source.Query) ? "?" : "&";
        return new Uri(source + separator + string.Join("&", parameters));
    }

    /// <summary>The page, or a schema-mismatch failure saying what is wrong with the feed's answer.</summary>
    public static SourcePage Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
            {
                return SourcePage.Failed(ErrorClass.SchemaMismatch, "The feed did not answer with an object holding a 'records' array.");
            }

            var page = new List<SourceRecord>();
            foreach (var item in records.EnumerateArray())
            {
                page.Add(Record(item));
            }

            var next = root.TryGetProperty("next", out var cursor) && cursor.ValueKind == JsonValueKind.String ? cursor.GetString() : null;
            return SourcePage.Of(page, next);
        }
        catch (JsonException ex)
        {
            return SourcePage.Failed(ErrorClass.SchemaMismatch, "The feed's answer is not JSON: " + ex.Message);
        }
    }

    // A record the feed got wrong still becomes a record: SyncHub checks its shape, skips it and logs why.
    private static SourceRecord Record(JsonElement item)
    {
        var entityType = Text(item, "entityType");
        var sourceId = Text(item, "sourceId");
        var payload = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("payload", out var value) ? value.GetRawText() : "null";
        var changedAt = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("changedAt", out var at) && at.ValueKind == JsonValueKind.String
            && at.TryGetDateTimeOffset(out var parsed) ? parsed : DateTimeOffset.MinValue;
        var record = new SourceRecord(entityType, sourceId, payload, changedAt);
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("parent", out var parent) && parent.ValueKind == JsonValueKind.Object)
        {
            record = record with { ParentEntityType = Text(parent, "entityType"), ParentSourceId = Text(parent, "sourceId") };
        }

        return record;
    }

    private static string Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()! : "";

    private static void Add(List<string> parameters, string name, string? value)
    {
        if (value is not null)
        {
            parameters.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
