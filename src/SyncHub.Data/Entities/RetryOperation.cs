namespace SyncHub.Data.Entities;

/// <summary>A server-side batch retry (Retry Selected or Retry All Failed) and its progress.</summary>
public sealed class RetryOperation
{
    public Guid Id { get; set; }

    /// <summary>The integration it was started for, or null for every integration.</summary>
    public int? IntegrationId { get; set; }

    public OperationStatus Status { get; set; }

    /// <summary>How many records were queued when the operation started.</summary>
    public int Total { get; set; }

    public int Succeeded { get; set; }

    public int Failed { get; set; }

    /// <summary>Queued records another worker held when the operation reached them.</summary>
    public int Skipped { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The record tried alone first; the rest follow only if it does not fail the same way as before.</summary>
    public long? CanaryRecordId { get; set; }

    /// <summary>Why it stopped or was cancelled, for the progress panel.</summary>
    public string? Message { get; set; }

    /// <summary>Who started it (user name or API key name).</summary>
    public string? StartedBy { get; set; }

    /// <summary>
    /// The node driving the operation; only it retries the operation's records. Another node takes the operation over
    /// only when this node's lease runs out.
    /// </summary>
    public string? OwnerNode { get; set; }
}
