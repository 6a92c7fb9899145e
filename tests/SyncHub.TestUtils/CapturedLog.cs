using Microsoft.Extensions.Logging;

namespace SyncHub.TestUtils;

/// <summary>One captured log line: its message and its properties, scopes' first, then the line's own.</summary>
public sealed record CapturedLog(
    LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception)
{
    public string? Property(string name) => Properties.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}
