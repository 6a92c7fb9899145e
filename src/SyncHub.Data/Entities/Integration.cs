namespace SyncHub.Data.Entities;

/// <summary>A destination that records are delivered to through one connector.</summary>
public sealed class Integration
{
    public int Id { get; set; }

    /// <summary>The URL-safe name used by the API, for example <c>demo-accounting</c>.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>The connector's name, as the plugin declares it.</summary>
    public required string Connector { get; set; }

    /// <summary>Connector settings as a JSON object.</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>A Scriban template that renders the payload into the destination body; null sends the payload as is.</summary>
    public string? MappingTemplate { get; set; }

    /// <summary>Templates per entity type (a JSON object: entity type → Scriban template); others use <see cref="MappingTemplate"/>.</summary>
    public string? MappingTemplatesJson { get; set; }

    public RetryPolicy Retry { get; set; } = new();

    /// <summary>Field defaults (a JSON object) the mapping falls back to when a transform fails.</summary>
    public string? MappingDefaultsJson { get; set; }

    /// <summary>Skip a record the destination reports as a duplicate instead of failing it.</summary>
    public bool DuplicateDetection { get; set; } = true;

    /// <summary>Whether the credentials work; <see cref="Entities.ConnectionState.Expired"/> stays until fixed.</summary>
    public ConnectionState ConnectionState { get; set; }

    public string? ConnectionNote { get; set; }

    public RunPolicy Runs { get; set; } = new();

    /// <summary>Where the last successful incremental run got to in the source (its change time).</summary>
    public DateTimeOffset? Checkpoint { get; set; }

    /// <summary>Resync never pulls records that changed before this date.</summary>
    public DateTimeOffset? CutOffDate { get; set; }

    /// <summary>
    /// Which automatic data fixes run after a validation error, comma-separated (email, phone, date, amount);
    /// empty runs none.
    /// </summary>
    public string AutoFixes { get; set; } = "email,phone,date,amount";

    /// <summary>The acceptable share of failed attempts over <see cref="ErrorBudgetWindowHours"/>, in percent.</summary>
    public double ErrorBudgetPercent { get; set; } = 1;

    public int ErrorBudgetWindowHours { get; set; } = 24;

    /// <summary>Pause the integration when more than twice its error budget is burnt.</summary>
    public bool PauseOnBudgetExhausted { get; set; }

    /// <summary>Set while the integration is paused: records queue up and nothing is sent until Resume.</summary>
    public DateTimeOffset? PausedAt { get; set; }

    public string? PausedBy { get; set; }

    public string? PauseReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
