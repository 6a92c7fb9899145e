namespace SyncHub.Core.Audit;

/// <summary>Appends one entry to the audit log in its own short transaction. Entries are never edited or deleted.</summary>
public interface IAuditLog
{
    Task WriteAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken);
}
