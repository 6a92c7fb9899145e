using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>
/// What an integration's most recent finished attempts ended with: how many, how many delivered, how many failed per
/// error class, and the newest run of attempts that all failed with one class.
/// </summary>
public sealed record AttemptMix(int Attempts, int Delivered, IReadOnlyDictionary<ErrorClass, int> Failures, ErrorClass? StreakClass, int Streak)
{
    public static AttemptMix None { get; } = new(0, 0, new Dictionary<ErrorClass, int>(), null, 0);

    public int FailedWith(ErrorClass errorClass) => Failures.GetValueOrDefault(errorClass);

    /// <summary>How many of the newest attempts in a row failed with <paramref name="errorClass"/>.</summary>
    public int StreakOf(ErrorClass errorClass) => StreakClass == errorClass ? Streak : 0;

    /// <summary>The mix of attempts listed newest first, each with its status and the error class it ended with.</summary>
    public static AttemptMix From(IReadOnlyList<(AttemptStatus Status, ErrorClass? ErrorClass)> newestFirst)
    {
        var failures = new Dictionary<ErrorClass, int>();
        var delivered = 0;
        foreach (var (status, errorClass) in newestFirst)
        {
            // A failed entry a later retry resolved is Succeeded but keeps its error class: it counts as the failure it was.
            if (errorClass is { } failed)
            {
                failures[failed] = failures.GetValueOrDefault(failed) + 1;
            }
            else if (status == AttemptStatus.Succeeded)
            {
                delivered++;
            }
        }

        var streakClass = newestFirst.Count > 0 ? newestFirst[0].ErrorClass : null;
        var streak = streakClass is null ? 0 : newestFirst.TakeWhile(a => a.ErrorClass == streakClass).Count();
        return new AttemptMix(newestFirst.Count, delivered, failures, streakClass, streak);
    }
}
