namespace SyncHub.Data.Entities;

/// <summary>One administrative action: who did what to which target, and why. Written once, never edited.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user's name or the API key's name.</summary>
    public required string Actor { get; set; }

    /// <summary>A short verb phrase such as <c>record.dismiss</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to, for example <c>record 42</c>.</summary>
    public required string Target { get; set; }

    public string? Detail { get; set; }
}
