namespace SyncHub.Core.Text;

/// <summary>Bounds text SyncHub stores or shows: cut to at most the given length, the cut marked with an ellipsis.</summary>
public static class TextClip
{
    public static string? Clip(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
