namespace SyncHub.Core.Reconciliation;

/// <summary>Text from connectors and destinations is untrusted: one line, bounded, never half a surrogate pair.</summary>
internal static class ReconcileText
{
    public static string Clip(string? text, int max)
    {
        var collapsed = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= max)
        {
            return collapsed;
        }

        // One character is left for the ellipsis; a surrogate pair is never cut in half.
        var cut = max - 1;
        if (char.IsHighSurrogate(collapsed[cut - 1]))
        {
            cut--;
        }

        return collapsed[..cut] + "…";
    }

    public static string? ClipOrNull(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : Clip(text, max);
}
