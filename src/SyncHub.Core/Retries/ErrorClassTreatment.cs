using SyncHub.Connectors;

namespace SyncHub.Core.Retries;

/// <summary>One row of the classification table: what a class means, how SyncHub reacts, and what to tell the administrator.</summary>
/// <param name="Class">The error class.</param>
/// <param name="Label">A short name for lists.</param>
/// <param name="Retry">How it is retried automatically.</param>
/// <param name="RetryLimit">For bounded and delayed retries: at most this many automatic retries.</param>
/// <param name="FixedDelay">For delayed retries: the wait before each.</param>
/// <param name="LookUpFirst">Ask the destination for the record before sending it again.</param>
/// <param name="Diagnosis">What the error means for the record and what to do about it; true of any one failure.</param>
public sealed record ErrorClassTreatment(
    ErrorClass Class,
    string Label,
    RetryTreatment Retry,
    int? RetryLimit,
    TimeSpan? FixedDelay,
    bool LookUpFirst,
    string Diagnosis)
{
    /// <summary>The common error pattern of the class, if it has one; its hint is shown only when the pattern holds.</summary>
    public ErrorPattern? Pattern { get; init; }
}
