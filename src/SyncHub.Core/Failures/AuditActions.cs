namespace SyncHub.Core.Failures;

/// <summary>The <c>Action</c> values of the audit log entries SyncHub writes about records.</summary>
public static class AuditActions
{
    public const string Dismiss = "record.dismiss";
    public const string Archive = "record.archive";
    public const string Restore = "record.restore";
    public const string Retry = "record.retry";
    public const string EditRetry = "record.edit-retry";
    public const string RetryAll = "records.retry-all";
    public const string DismissGroup = "records.dismiss-group";
    public const string CancelOperation = "operation.cancel";
    public const string DuplicateMerge = "duplicate.merge";
    public const string DuplicateKeepApart = "duplicate.keep-apart";

    /// <summary>The audit target of one record.</summary>
    public static string RecordTarget(long recordId) => $"record {recordId}";

    /// <summary>The audit target of one failure group.</summary>
    public static string GroupTarget(string fingerprint) => $"failure group {fingerprint}";
}
