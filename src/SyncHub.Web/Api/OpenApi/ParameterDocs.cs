using System.Globalization;
using Microsoft.OpenApi;
using SyncHub.Core.Queries;

namespace SyncHub.Web.Api.OpenApi;

/// <summary>
/// The description and example of every path and query parameter of the API, by name. An <c>id</c> is described by
/// the resource before it in the path. A parameter missing here fails the document test.
/// </summary>
internal static class ParameterDocs
{
    public const string ExampleSlug = "demo-accounting";

    private const string CursorPattern = "^[0-9]+$";

    private static readonly Dictionary<string, ParameterDoc> ByName = new(StringComparer.Ordinal)
    {
        ["slug"] = new("The integration's slug, as given when it was created.", ExampleSlug),
        ["fingerprint"] = new("A failure group's fingerprint (32 hex characters), from the failure-groups list.", "3f9a1c0e5b7d42a8916e0c4b2d8f7a15"),
        ["status"] = new("Which records: one status, or `archived` for the archive (any status). Failed when left out.", "failed")
        {
            Enum = ["pending", "inFlight", "delivered", "failed", "deadLetter", "dismissed", "skipped", "blocked", "needsReview", "archived"],
        },
        ["limit"] = new("Page size, 1 to 200; 50 when left out.", "50")
        {
            Type = JsonSchemaType.Integer, Minimum = "1", Maximum = FailedRecordsQuery.MaxPageSize.ToString(CultureInfo.InvariantCulture),
        },
        ["after"] = new("The `next` value of the previous page; left out for the first page.", "1042") { Pattern = CursorPattern },
        ["before"] = new("The `next` value of the previous page (entries older than it); left out for the newest.", "1042") { Pattern = CursorPattern },
        ["integration"] = new("Only this integration's (its slug); every integration's when left out.", ExampleSlug),
        ["queue"] = new("The failed queue (default) or the dead-letter queue.", "failed") { Enum = ["failed", "dead-letter"] },
        ["review"] = new("Open reviews (default) or decided ones.", "open") { Enum = ["open", "decided"] },
        ["alertStatus"] = new("Open alerts (default, all of them) or resolved ones (25 per page, newest first).", "open") { Enum = ["open", "resolved"] },
        ["page"] = new("The page of resolved alerts, from 1.", "1") { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = "100000" },
        ["actor"] = new("Entries whose actor (a user's e-mail, an API key's name, `system`) contains this text.", "admin@synchub.local"),
        ["action"] = new("Entries of exactly this action, for example `record.retry` or `integration.update`.", "record.retry"),
        ["target"] = new("Entries whose target (for example `record 42` or `integration erp-books`) contains this text.", "integration " + ExampleSlug),
        ["from"] = new("Entries at or after this time (ISO 8601; a date alone is midnight UTC).", "2025-01-01") { Format = "date-time" },
        ["to"] = new("Entries before this time (exclusive; ISO 8601).", "2025-02-01") { Format = "date-time" },
        ["kind"] = new("Only differences of this kind; every kind when left out.", "missing") { Enum = ["missing", "different", "extra", "notCompared"] },
    };

    private static readonly Dictionary<string, ParameterDoc> Ids = new(StringComparer.Ordinal)
    {
        ["records"] = new("The record's id, as ingest returned it.", "1"),
        ["runs"] = new("The run's id.", "1"),
        ["operations"] = new("The operation's id (a GUID), as starting a retry returned it.", "0b9c2f5e-2f38-4a57-9e5b-8a6f0d2c1e77"),
        ["reviews"] = new("The duplicate review's id, from the reviews list.", "1"),
        ["alerts"] = new("The alert's id, from the alerts list.", "1"),
        ["notification-channels"] = new("The notification channel's id.", "1"),
        ["reconciliations"] = new("The reconciliation's id, as starting it returned it.", "1"),
    };

    /// <summary>The entry for a parameter of the operation at <paramref name="path"/>; null when there is none.</summary>
    public static ParameterDoc? For(string path, string name)
    {
        if (name == "id")
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var index = Array.IndexOf(segments, "{id}");
            return index > 0 && Ids.TryGetValue(segments[index - 1], out var id) ? id : null;
        }

        // Three endpoints call their filter "status" with different values; the query names stay what callers send.
        if (name == "status" && path.EndsWith("/reviews", StringComparison.Ordinal))
        {
            return ByName["review"];
        }

        if (name == "status" && path.EndsWith("/alerts", StringComparison.Ordinal))
        {
            return ByName["alertStatus"];
        }

        return ByName.GetValueOrDefault(name);
    }
}
