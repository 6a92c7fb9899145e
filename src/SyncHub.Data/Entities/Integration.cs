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

    public RetryPolicy Retry { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }
}
