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
}
