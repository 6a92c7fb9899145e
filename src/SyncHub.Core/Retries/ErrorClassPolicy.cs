using System.Collections.Frozen;
using SyncHub.Connectors;

namespace SyncHub.Core.Retries;

/// <summary>
/// Classify before reacting: the one table that says, per error class, whether SyncHub retries on its own, how
/// often, and what an administrator should do about it.
/// </summary>
public static class ErrorClassPolicy
{
    private static readonly FrozenDictionary<ErrorClass, ErrorClassTreatment> Table = new ErrorClassTreatment[]
    {
        new(ErrorClass.Transient, "Transient", RetryTreatment.Backoff, null, null, true,
            "A temporary failure (a 5xx answer, a timeout or a dropped connection), retried automatically until the integration's retry budget is spent.")
        {
            Pattern = new(PatternScope.Some, "Intermittent 5xx errors: the provider is unstable. Wait and retry; the automatic retry policy handles most of them."),
        },
        new(ErrorClass.RateLimited, "Rate limited", RetryTreatment.Backoff, null, null, false,
            "The destination asked SyncHub to slow down (429). The record is retried after the wait it asked for, until the retry budget is spent.")
        {
            Pattern = new(PatternScope.All, "All records fail with 429: the rate limit is exceeded. Reduce the sync frequency or batch size."),
        },
        new(ErrorClass.Authentication, "Authentication", RetryTreatment.None, null, null, false,
            "The destination refused the credentials (401) for this attempt. It is not retried automatically; retry it once the connection's credentials are accepted.")
        {
            Pattern = new(PatternScope.All, "All records fail with 401: the credentials are expired or invalid. Re-authenticate the connection, then retry."),
        },
        new(ErrorClass.Authorization, "Authorization", RetryTreatment.None, null, null, false,
            "403: the credentials lack a permission (scope) this record needs. Grant it at the destination, then retry."),
        new(ErrorClass.NotFound, "Not found", RetryTreatment.Delayed, 3, TimeSpan.FromMinutes(2), false,
            "404: the destination resource is missing. Often it appears shortly (eventual consistency) and is retried a few times; if it persists, check where the record is sent."),
        new(ErrorClass.Validation, "Validation", RetryTreatment.None, null, null, false,
            "The destination refused this record's data. Correct it with Edit and retry, or fix the source data or the field mapping.")
        {
            Pattern = new(PatternScope.Some, "Specific records fail with validation errors: a data quality problem. Fix the source data or the field mapping (edit and retry)."),
        },
        new(ErrorClass.ServerError, "Server error", RetryTreatment.Bounded, 3, null, true,
            "The destination failed internally (500). Retried a few times; if it persists, the record becomes a dead letter and the provider should be contacted.")
        {
            Pattern = new(PatternScope.Some, "Intermittent 5xx errors: the provider is unstable. Wait and retry; the automatic retry policy handles most of them."),
        },
        new(ErrorClass.Conflict, "Conflict", RetryTreatment.Bounded, 2, null, true,
            "409: the record changed at the destination at the same time. SyncHub looks up its current state and retries."),
        new(ErrorClass.Duplicate, "Duplicate", RetryTreatment.None, null, null, false,
            "The record already exists at the destination. Turn on duplicate detection to skip such records, or dismiss it."),
        new(ErrorClass.ReferenceNotFound, "Reference not found", RetryTreatment.None, null, null, false,
            "The record refers to another one (a customer, an account) the destination lacks. Deliver or create that one first, then retry."),
        new(ErrorClass.Transform, "Transform", RetryTreatment.None, null, null, false,
            "The field mapping could not render the record (for example an invalid date). Fix the mapping or give the field a default value, then retry."),
        new(ErrorClass.SchemaMismatch, "Schema mismatch", RetryTreatment.None, null, null, false,
            "The record's structure is not what the destination expects, so it was set aside. Check the field mapping against the destination's schema.")
        {
            Pattern = new(PatternScope.All, "All records fail with a schema error: the provider's API changed. Update the field mapping to the new schema."),
        },
        new(ErrorClass.ConnectorFault, "Connector fault", RetryTreatment.None, null, null, false,
            "The connector plugin failed unexpectedly. Check the plugin's version and the server log, then retry."),
    }.ToFrozenDictionary(t => t.Class);

    private static readonly ErrorClassTreatment Delivered =
        new(ErrorClass.None, "None", RetryTreatment.None, null, null, false, "Delivered.");

    /// <summary>The table's row for a class.</summary>
    public static ErrorClassTreatment For(ErrorClass errorClass) => Table.GetValueOrDefault(errorClass, Delivered);

    /// <summary>Every row, for documentation and tests.</summary>
    public static IEnumerable<ErrorClassTreatment> All => Table.Values.OrderBy(t => t.Class);

    public static bool IsAutomaticallyRetryable(ErrorClass errorClass) => For(errorClass).Retry != RetryTreatment.None;

    /// <summary>A short label for lists.</summary>
    public static string Label(ErrorClass errorClass) => For(errorClass).Label;

    /// <summary>What the error means for one record and what to do; the common patterns are judged from data (<see cref="Queries.ErrorDiagnosis"/>).</summary>
    public static string Diagnosis(ErrorClass errorClass) => For(errorClass).Diagnosis;
}
