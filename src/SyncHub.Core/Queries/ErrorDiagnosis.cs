using System.Globalization;
using SyncHub.Connectors;
using SyncHub.Core.Retries;

namespace SyncHub.Core.Queries;

/// <summary>
/// What is true about a record's error, from the data: the share of its integration's recent attempts that failed the
/// same way, then the common pattern's hint when the attempts look like the pattern, else what the error means for
/// this one record. "All records fail with 401" is said only when the newest attempts all did.
/// </summary>
/// <param name="Share">"3 of the last 200 attempts to Books (1.5 %) failed with Authentication."</param>
/// <param name="Advice">The pattern's hint when <paramref name="PatternHolds"/>, else the class's advice for one record.</param>
/// <param name="PatternHolds">Whether the class's common error pattern holds.</param>
public sealed record ErrorDiagnosis(string Share, string Advice, bool PatternHolds)
{
    /// <summary>How many of the newest attempts must all have failed with the class for an "all records fail" pattern.</summary>
    public const int MinimumStreak = 5;

    public string Text => $"{Share} {Advice}";

    public static ErrorDiagnosis For(ErrorClass errorClass, string integrationName, AttemptMix recent)
    {
        var treatment = ErrorClassPolicy.For(errorClass);
        var pattern = treatment.Pattern is { } candidate && Holds(candidate.Scope, errorClass, recent) ? candidate : null;
        return new ErrorDiagnosis(Describe(errorClass, integrationName, recent), pattern?.Hint ?? treatment.Diagnosis, pattern is not null);
    }

    private static bool Holds(PatternScope scope, ErrorClass errorClass, AttemptMix recent) => scope switch
    {
        PatternScope.All => recent.StreakOf(errorClass) >= MinimumStreak,
        _ => recent.FailedWith(errorClass) > 0 && recent.Delivered > 0 && recent.StreakOf(errorClass) < MinimumStreak,
    };

    private static string Describe(ErrorClass errorClass, string integrationName, AttemptMix recent)
    {
        var label = ErrorClassPolicy.Label(errorClass);
        var matching = recent.FailedWith(errorClass);
        if (recent.Attempts == 0 || matching == 0)
        {
            return recent.Attempts == 0
                ? $"{integrationName} has no finished attempts on record."
                : $"None of the last {Count(recent.Attempts)} attempts to {integrationName} failed with {label}; this record's failure is older.";
        }

        var streak = recent.StreakOf(errorClass);
        var newest = streak >= 2 && streak < recent.Attempts ? $", including the newest {Count(streak)}" : "";
        var of = recent.Attempts == 1 ? "The last attempt" : $"{Count(matching)} of the last {Count(recent.Attempts)} attempts";
        return recent.Attempts == 1
            ? $"{of} to {integrationName} failed with {label}."
            : $"{of} to {integrationName} ({Percent(matching, recent.Attempts)}) failed with {label}{newest}.";
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole)
    {
        // Never rounded to 0 % or 100 % when it is neither.
        var share = 100.0 * part / whole;
        var text = part == whole ? "100"
            : share is < 1 or > 99 ? share.ToString("0.#", CultureInfo.InvariantCulture)
            : Math.Round(share).ToString("0", CultureInfo.InvariantCulture);
        return text + " %";
    }
}
