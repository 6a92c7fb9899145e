namespace SyncHub.Data.Entities;

/// <summary>One change to a record after it arrived, kept in its history: edits, automatic fixes, links, merges, resyncs.</summary>
public sealed class RecordChange
{
    public long Id { get; set; }

    public long RecordId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who made it: a user's email, or <c>system</c> for automatic fixes.</summary>
    public required string Actor { get; set; }

    public RecordChangeKind Kind { get; set; }

    /// <summary>The payload version before the change.</summary>
    public int FromVersion { get; set; }

    /// <summary>The payload version after it; equal to <see cref="FromVersion"/> when the payload did not change.</summary>
    public int ToVersion { get; set; }

    /// <summary>What changed: a diff of the payload, the fixes applied, or the decision.</summary>
    public required string Detail { get; set; }

    /// <summary>The payload before the change, kept so nothing an administrator edits is lost.</summary>
    public string? PreviousPayload { get; set; }
}
