namespace SyncHub.Data.Entities;

/// <summary>A pattern an alert rule saw (not a single failure). It opens, updates while it lasts, and resolves itself.</summary>
public sealed class Alert
{
    public long Id { get; set; }

    /// <summary>Which rule, for example <c>server-errors</c> or <c>credentials-expired</c>.</summary>
    public required string Rule { get; set; }

    /// <summary>What the alert is about, unique among open alerts of the rule: usually the integration's slug.</summary>
    public required string Subject { get; set; }

    public int? IntegrationId { get; set; }

    public AlertStatus Status { get; set; }

    public required string Title { get; set; }

    public string? Detail { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>How many evaluations found the condition true while open.</summary>
    public int Occurrences { get; set; } = 1;

    /// <summary>When someone said they are on it; the alert stays open until its pattern clears.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    /// <summary>What the person who acknowledged it said, if anything.</summary>
    public string? AcknowledgeNote { get; set; }
}
