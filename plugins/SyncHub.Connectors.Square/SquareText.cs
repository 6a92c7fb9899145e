namespace SyncHub.Connectors.Square;

/// <summary>Square's text is untrusted: one line, at most 500 characters, never half a surrogate pair.</summary>
internal static class SquareText
{
    private const int MaxChars = 500;

    public static string Clip(string? text, int max = MaxChars)
    {
        var collapsed = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= max)
        {
            return collapsed;
        }

        var cut = char.IsHighSurrogate(collapsed[max - 1]) ? max - 1 : max;
        return collapsed[..cut] + "…";
    }
}
