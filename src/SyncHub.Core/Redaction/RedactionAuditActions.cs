namespace SyncHub.Core.Redaction;

/// <summary>The audit entry that records the one pass over text stored before provider messages were redacted.</summary>
public static class RedactionAuditActions
{
    public const string StoredTextRedacted = "maintenance.redact-stored-text";
}
