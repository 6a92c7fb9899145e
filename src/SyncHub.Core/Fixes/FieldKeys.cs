namespace SyncHub.Core.Fixes;

/// <summary>Compares field names across naming styles: <c>Contact.EmailAddress</c>, <c>email_address</c> and <c>email</c>.</summary>
internal static class FieldKeys
{
    /// <summary>Letters only, lower case: <c>Email_Address</c> → <c>emailaddress</c>.</summary>
    public static string Normalize(string key) =>
        string.Concat(key.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant));

    /// <summary>The last segment of a destination's field path: <c>Contacts[0].EmailAddress</c> → <c>EmailAddress</c>.</summary>
    public static string LastSegment(string field)
    {
        var segments = field.Split(['.', '/', '[', ']'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var named = segments.LastOrDefault(s => s.Any(char.IsAsciiLetter));
        return named ?? field;
    }

    /// <summary>A JSON Pointer segment (RFC 6901): <c>~</c> and <c>/</c> escaped.</summary>
    public static string PointerSegment(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
