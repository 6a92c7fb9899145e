using System.ComponentModel.DataAnnotations;

namespace SyncHub.Web.Security;

/// <summary>Sign-in and API protections (<c>SyncHub:Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string Section = "SyncHub:Security";

    /// <summary>Sign-in attempts per client address per minute, before 429.</summary>
    [Range(1, 100_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>API requests per key (or client address) per minute, before 429.</summary>
    [Range(1, 10_000_000)]
    public int ApiRequestsPerMinute { get; set; } = 60_000;

    /// <summary>Failed sign-ins before an account is locked for <see cref="LockoutMinutes"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Honour X-Forwarded-For/-Proto from a reverse proxy (see the README's security section).</summary>
    public bool TrustForwardedHeaders { get; set; }
}
