namespace SyncHub.Connectors;

/// <summary>
/// Clips text that comes from an external system (error bodies, names, ids) before SyncHub stores or shows it:
/// bounded in length and never cut through a surrogate pair. It does not encode; the host encodes when it renders.
/// </summary>
public static class UntrustedText
{
    /// <summary>The length <see cref="OneLine"/> clips to when no other is given.</summary>
    public const int DefaultMaxChars = 500;

    /// <summary>The mark <see cref="OneLine"/> appends where it cut the text.</summary>
    public const string Ellipsis = "…";

    /// <summary>
    /// The text on one line (every run of white space, line breaks included, becomes one space; leading and
    /// trailing space is dropped), cut to <paramref name="maxChars"/> characters with <see cref="Ellipsis"/>
    /// appended when it was longer. Null becomes the empty string.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxChars"/> is less than 1.</exception>
    public static string OneLine(string? text, int maxChars = DefaultMaxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        var collapsed = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Truncate(collapsed, maxChars, Ellipsis);
    }

    /// <summary>
    /// The text as it is when it has at most <paramref name="maxChars"/> characters; otherwise its first
    /// <paramref name="maxChars"/> characters (one fewer when that would split a surrogate pair) followed by
    /// <paramref name="marker"/> (pass the empty string for none).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxChars"/> is less than 1.</exception>
    public static string Truncate(string text, int maxChars, string marker = Ellipsis)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(marker);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return string.Concat(text.AsSpan(0, cut), marker);
    }
}
