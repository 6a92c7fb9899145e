namespace SyncHub.Web.Pages.Records;

/// <summary>The payload editor after a post: the text to show again (null: the record's current payload), why it was refused, what saving would change.</summary>
public sealed record RecordEditState(string? Text, string? Problem, IReadOnlyList<string>? Changes, string? Message = null)
{
    public static RecordEditState Untouched { get; } = new(null, null, null);
}
