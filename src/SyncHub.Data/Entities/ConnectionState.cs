namespace SyncHub.Data.Entities;

/// <summary>Whether an integration's credentials work.</summary>
public enum ConnectionState
{
    Healthy = 0,

    /// <summary>The credentials were refused and refreshing them failed; an administrator must re-authorise.</summary>
    Expired = 1,
}
