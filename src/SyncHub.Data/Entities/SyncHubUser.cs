using Microsoft.AspNetCore.Identity;

namespace SyncHub.Data.Entities;

/// <summary>A person who signs in to SyncHub.</summary>
public sealed class SyncHubUser : IdentityUser
{
    /// <summary>Set for generated one-time passwords: the user must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
