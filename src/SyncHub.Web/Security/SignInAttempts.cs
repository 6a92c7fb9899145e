namespace SyncHub.Web.Security;

/// <summary>Failed sign-ins counted in one window (of one account from one address, or of one account from anywhere).</summary>
internal sealed class SignInAttempts
{
    public int Failures { get; set; }

    public DateTimeOffset WindowStart { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    /// <summary>No attempt is checked before this time.</summary>
    public DateTimeOffset BlockedUntil { get; set; }

    /// <summary>Addresses this account signed in from successfully, with when (accounts only).</summary>
    public Dictionary<string, DateTimeOffset> Known { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts a failure, starting a new window when the last one has passed.</summary>
    public int Fail(DateTimeOffset now, TimeSpan window)
    {
        if (now - WindowStart >= window)
        {
            (WindowStart, Failures) = (now, 0);
        }

        LastSeen = now;
        return ++Failures;
    }
}
