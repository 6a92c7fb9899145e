namespace SyncHub.Web.Tests.Fuzz;

/// <summary>
/// What a corpus entry must get: 202 with <see cref="Created"/> new records, a 400 whose <c>errors</c> name
/// every one of <see cref="Fields"/> (or a path under it), or a bare 404/415 problem.
/// </summary>
internal readonly record struct CorpusExpectation(int Status, IReadOnlyList<string> Fields, int Created)
{
    public static CorpusExpectation Parse(string text)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var status = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        var rest = parts.Length > 1 ? parts[1] : "";
        return status switch
        {
            202 => new(status, [], int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture)),
            400 when rest.Length > 0 => new(status, rest.Split(',', StringSplitOptions.TrimEntries), 0),
            404 or 413 or 415 when rest.Length == 0 => new(status, [], 0),
            _ => throw new FormatException($"Unknown expectation '{text}': use '202 <created>', '400 <field>[,<field>]', '404', '413' or '415'."),
        };
    }
}
