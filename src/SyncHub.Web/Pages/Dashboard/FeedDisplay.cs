using System.Globalization;
using SyncHub.Core.Dashboard;

namespace SyncHub.Web.Pages.Dashboard;

/// <summary>What became of a failed attempt, in words: "resolved by automatic retry 10:32".</summary>
public static class FeedDisplay
{
    public static string Outcome(ErrorOutcome outcome) => outcome switch
    {
        ErrorOutcome.ResolvedByAutomaticRetry => "resolved by automatic retry",
        ErrorOutcome.ResolvedByManualRetry => "resolved by manual retry",
        ErrorOutcome.ResolvedByRun => "resolved by a sync run",
        ErrorOutcome.EditedAndRetried => "edited and retried",
        ErrorOutcome.DeadLetter => "dead letter",
        ErrorOutcome.Dismissed => "dismissed",
        ErrorOutcome.Retrying => "retrying",
        ErrorOutcome.DeliveredLater => "delivered later",
        ErrorOutcome.NeedsReview => "needs review",
        ErrorOutcome.Skipped => "skipped",
        ErrorOutcome.Blocked => "blocked",
        ErrorOutcome.Superseded => "superseded",
        _ => "still failing",
    };

    /// <summary>One failure's outcome, with the time of the retry that resolved it when there was one.</summary>
    public static string Outcome(RecentError error) => error switch
    {
        { Outcome: ErrorOutcome.Superseded, ResolvedVersion: { } version, ResolvedAt: { } at } => $"superseded by version {version} at {Clock(at)}",
        { ResolvedAt: { } at } => $"{Outcome(error.Outcome)} {Clock(at)}",
        _ => Outcome(error.Outcome),
    };

    /// <summary>Where a single failure's outcome links: the attempt that superseded it on the record page.</summary>
    public static string? OutcomeLink(RecentErrorGroup group) =>
        group is { Count: 1, Newest: { Outcome: ErrorOutcome.Superseded, ResolvedByAttemptId: { } by } newest }
            ? $"/records/{newest.RecordId}#attempt-{by}"
            : null;

    /// <summary>A group's outcomes: "11 resolved by automatic retry, 1 still failing".</summary>
    public static string Outcomes(RecentErrorGroup group) =>
        group.Count == 1 ? Outcome(group.Newest) : string.Join(", ", group.Outcomes.Select(o => $"{o.Count} {Outcome(o.Outcome)}"));

    public static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Css(ErrorOutcome outcome) => outcome switch
    {
        ErrorOutcome.ResolvedByAutomaticRetry or ErrorOutcome.ResolvedByManualRetry or ErrorOutcome.ResolvedByRun
            or ErrorOutcome.EditedAndRetried or ErrorOutcome.DeliveredLater or ErrorOutcome.Superseded => "outcome-resolved",
        ErrorOutcome.StillFailing or ErrorOutcome.DeadLetter => "outcome-open",
        _ => "outcome-other",
    };
}
