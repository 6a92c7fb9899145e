using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SyncHub.Connectors.Square;

/// <summary>The JSON bodies of the Customers API calls, with Square's snake_case field names.</summary>
internal static class SquareBodies
{
    /// <summary>Square refuses idempotency keys longer than 45 characters.</summary>
    private const int MaxIdempotencyKeyChars = 45;

    /// <summary>How many matches a search returns at most: more than a handful is for an administrator anyway.</summary>
    private const int SearchLimit = 10;

    public static JsonObject Search(string field, string exact) => new()
    {
        ["query"] = new JsonObject { ["filter"] = new JsonObject { [field] = new JsonObject { ["exact"] = exact } } },
        ["limit"] = SearchLimit,
    };

    /// <summary>Customers updated at or after <paramref name="from"/>, oldest first, a page at a time.</summary>
    public static JsonObject UpdatedSince(DateTimeOffset from, string? cursor, int limit)
    {
        var body = new JsonObject
        {
            ["query"] = new JsonObject
            {
                ["filter"] = new JsonObject { ["updated_at"] = new JsonObject { ["start_at"] = from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) } },
                ["sort"] = new JsonObject { ["field"] = "CREATED_AT", ["order"] = "ASC" },
            },
            ["limit"] = limit,
        };
        if (cursor is not null)
        {
            body["cursor"] = cursor;
        }

        return body;
    }

    public static JsonObject Create(Member member, string idempotencyKey)
    {
        var body = Fields(member);
        body["idempotency_key"] = IdempotencyKey(idempotencyKey);
        return body;
    }

    public static JsonObject Update(Member member, long? version)
    {
        var body = Fields(member);
        if (version is { } known)
        {
            // Optimistic concurrency: a customer changed since the search is refused, not overwritten.
            body["version"] = known;
        }

        return body;
    }

    /// <summary>The record's key, or a stable 40-character hash of it when it is longer than Square allows.</summary>
    public static string IdempotencyKey(string key) =>
        key.Length <= MaxIdempotencyKeyChars
            ? key
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];

    // Absent member fields are left out, so an update never clears what Square already holds.
    private static JsonObject Fields(Member member)
    {
        var body = new JsonObject();
        Add(body, "given_name", member.GivenName);
        Add(body, "family_name", member.FamilyName);
        Add(body, "email_address", member.Email);
        Add(body, "phone_number", member.Phone);
        body["reference_id"] = member.ReferenceId;
        Add(body, "note", member.Note);
        return body;
    }

    private static void Add(JsonObject body, string name, string? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }
}
