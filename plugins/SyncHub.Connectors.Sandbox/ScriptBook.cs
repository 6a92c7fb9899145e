using System.Collections.Concurrent;

namespace SyncHub.Connectors.Sandbox;

/// <summary>Hands out each integration's scripted entries one call at a time.</summary>
internal sealed class ScriptBook
{
    private readonly ConcurrentDictionary<string, Position> _positions = new(StringComparer.Ordinal);

    /// <summary>The next entry of the integration's script, or null once the script is used up.</summary>
    public string? Next(string integrationSlug, SandboxSettings settings)
    {
        if (settings.Script.Count == 0)
        {
            return null;
        }

        // One slot per integration; a different script text replaces it, so an edited script starts over.
        var position = _positions.AddOrUpdate(
            integrationSlug,
            static (_, text) => new Position(text, 1),
            static (_, current, text) => current.Text == text ? current with { Taken = current.Taken + 1 } : new Position(text, 1),
            settings.ScriptText);

        var index = position.Taken - 1;
        return index < settings.Script.Count ? settings.Script[index] : null;
    }

    private sealed record Position(string Text, int Taken);
}
