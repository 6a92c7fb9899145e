using System.ComponentModel.DataAnnotations;

namespace SyncHub.Web.Security;

/// <summary>Sign-in and API protections (<c>SyncHub:Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string Section = "SyncHub:Security";

    /// <summary>Sign-in attempts (posts of the form, not page loads) per client address per minute, before 429.</summary>
    [Range(1, 100_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>API requests per key (or client address) per minute, before 429.</summary>
    [Range(1, 10_000_000)]
    public int ApiRequestsPerMinute { get; set; } = 60_000;

    /// <summary>Failed sign-ins of one account from one client address before that address is locked out of it for <see cref="LockoutMinutes"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins of one account from all addresses within <see cref="LockoutMinutes"/> before its attempts back off.</summary>
    [Range(1, 100_000)]
    public int AccountBackoffAfter { get; set; } = 20;

    /// <summary>The longest wait of the account-wide back-off (1 s, doubling per failure).</summary>
    [Range(1, 3600)]
    public int AccountBackoffMaxSeconds { get; set; } = 60;

    /// <summary>Honour X-Forwarded-For/-Proto from a reverse proxy (see the README's security section).</summary>
    public bool TrustForwardedHeaders { get; set; }
}
