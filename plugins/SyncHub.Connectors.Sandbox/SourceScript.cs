using System.Collections.Concurrent;

namespace SyncHub.Connectors.Sandbox;

/// <summary>Hands out each integration's scripted source faults one page read at a time.</summary>
internal sealed class SourceScript
{
    private readonly ConcurrentDictionary<string, (string Text, int Taken)> _positions = new(StringComparer.Ordinal);

    /// <summary>The next scripted entry, or null once the script is used up.</summary>
    public string? Next(string integrationSlug, IReadOnlyList<string> script, string scriptText)
    {
        if (script.Count == 0)
        {
            return null;
        }

        var position = _positions.AddOrUpdate(
            integrationSlug,
            static (_, text) => (text, 1),
            static (_, current, text) => current.Text == text ? (text, current.Taken + 1) : (text, 1),
            scriptText);
        return position.Taken <= script.Count ? script[position.Taken - 1] : null;
    }
}
