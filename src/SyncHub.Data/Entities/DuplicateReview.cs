namespace SyncHub.Data.Entities;

/// <summary>A potential duplicate waiting for (or decided by) an administrator.</summary>
public sealed class DuplicateReview
{
    public long Id { get; set; }

    public long RecordId { get; set; }

    public int IntegrationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Why the connector could not decide, as it said it. Untrusted text.</summary>
    public string? Reason { get; set; }

    /// <summary>The destination's candidates: a JSON array of {externalId, displayName, fields}. Untrusted text.</summary>
    public required string CandidatesJson { get; set; }

    public DuplicateReviewStatus Status { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>The destination record that survived a merge.</summary>
    public string? SurvivorExternalId { get; set; }

    /// <summary>What the decision did, for the history and the audit log.</summary>
    public string? Outcome { get; set; }
}
