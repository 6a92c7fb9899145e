using System.Text.Json;

namespace SyncHub.Core.Duplicates;

/// <summary>The candidates a review stored, as the connector reported them; unreadable JSON counts as none.</summary>
internal static class StoredCandidates
{
    public static IReadOnlyList<StoredCandidate> Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<StoredCandidate>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
