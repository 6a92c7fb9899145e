namespace SyncHub.Core.Failures;

/// <summary>What saving a new payload would change (diff lines), or why it would be refused.</summary>
public sealed record EditPreview(IReadOnlyList<string> Changes, string? Problem)
{
    public bool IsValid => Problem is null;
}
