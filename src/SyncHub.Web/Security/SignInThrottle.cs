using Microsoft.Extensions.Options;

namespace SyncHub.Web.Security;

/// <summary>
/// Limits password guessing without handing anyone a way to lock others out. <see cref="SecurityOptions.MaxFailedSignIns"/>
/// failures of one account from one client address lock that pair for <see cref="SecurityOptions.LockoutMinutes"/>;
/// other addresses are not affected. Across all addresses, an account with <see cref="SecurityOptions.AccountBackoffAfter"/>
/// failures within the lockout window backs off: each further failure makes the next attempt wait twice as long,
/// 1 s, 2 s, 4 s … up to <see cref="SecurityOptions.AccountBackoffMaxSeconds"/>. An address the account signed in from
/// successfully in the last 30 days skips the back-off, so its owner still gets in while others guess. Kept in memory
/// per process; bounded in size.
/// </summary>
public sealed class SignInThrottle(IOptions<SecurityOptions> options, TimeProvider time)
{
    private const int MaxEntries = 50_000;
    private const int MaxKnownAddresses = 20;
    private static readonly TimeSpan KnownFor = TimeSpan.FromDays(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SignInAttempts> _pairs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SignInAttempts> _accounts = new(StringComparer.Ordinal);

    private SecurityOptions Options => options.Value;

    private TimeSpan Window => TimeSpan.FromMinutes(Options.LockoutMinutes);

    /// <summary>Null when the attempt may go ahead; otherwise until when it is refused, unchecked.</summary>
    public SignInWait? Check(string account, string address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_pairs.TryGetValue(PairKey(account, address), out var pair) && pair.BlockedUntil > now)
            {
                return new SignInWait(pair.BlockedUntil, AccountWide: false);
            }

            if (_accounts.TryGetValue(Normalize(account), out var all) && all.BlockedUntil > now && !IsKnown(all, address, now))
            {
                return new SignInWait(all.BlockedUntil, AccountWide: true);
            }

            return null;
        }
    }

    /// <summary>Counts a failed attempt; returns the wait it starts for this address, if it locks the pair.</summary>
    public SignInWait? Failed(string account, string address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Prune(now);
            var all = Entry(_accounts, Normalize(account), now);
            var beyond = all.Fail(now, Window) - Options.AccountBackoffAfter;
            if (beyond >= 0)
            {
                var wait = Math.Min(Math.Pow(2, Math.Min(beyond, 30)), Options.AccountBackoffMaxSeconds);
                all.BlockedUntil = now.AddSeconds(wait);
            }

            var pair = Entry(_pairs, PairKey(account, address), now);
            if (pair.Fail(now, Window) < Options.MaxFailedSignIns)
            {
                return null;
            }

            (pair.BlockedUntil, pair.Failures) = (now + Window, 0);
            return new SignInWait(pair.BlockedUntil, AccountWide: false);
        }
    }

    /// <summary>The pair starts afresh, and the address is known to the account.</summary>
    public void Succeeded(string account, string address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _pairs.Remove(PairKey(account, address));
            var all = Entry(_accounts, Normalize(account), now);
            all.Known[address] = now;
            if (all.Known.Count > MaxKnownAddresses)
            {
                all.Known.Remove(all.Known.MinBy(k => k.Value).Key);
            }
        }
    }

    private static bool IsKnown(SignInAttempts account, string address, DateTimeOffset now) =>
        account.Known.TryGetValue(address, out var at) && now - at < KnownFor;

    private static SignInAttempts Entry(Dictionary<string, SignInAttempts> entries, string key, DateTimeOffset now)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            entries[key] = entry = new SignInAttempts { WindowStart = now };
        }

        entry.LastSeen = now;
        return entry;
    }

    // Many made-up accounts or addresses must not grow the tables without end: idle, unblocked entries go first.
    private void Prune(DateTimeOffset now)
    {
        foreach (var entries in new[] { _pairs, _accounts })
        {
            if (entries.Count < MaxEntries)
            {
                continue;
            }

            foreach (var key in entries.Where(e => e.Value.BlockedUntil <= now && e.Value.Known.Count == 0).Select(e => e.Key).ToList())
            {
                entries.Remove(key);
            }

            if (entries.Count >= MaxEntries)
            {
                foreach (var key in entries.Where(e => now - e.Value.LastSeen > Window).Select(e => e.Key).ToList())
                {
                    entries.Remove(key);
                }
            }
        }
    }

    private static string Normalize(string account) => account.Trim().ToUpperInvariant();

    private static string PairKey(string account, string address) => Normalize(account) + "\n" + address;
}
