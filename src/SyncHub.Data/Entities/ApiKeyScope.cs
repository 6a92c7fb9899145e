namespace SyncHub.Data.Entities;

/// <summary>What an API key may do.</summary>
public enum ApiKeyScope
{
    /// <summary>Only push records (POST .../records).</summary>
    Ingest = 0,

    /// <summary>Every API call.</summary>
    Full = 1,
}
