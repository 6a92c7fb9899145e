using SyncHub.Data.Entities;

namespace SyncHub.Core.Audit;

/// <summary>One page of audit entries, newest first; <see cref="NextBefore"/> is the cursor of the next page, if any.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? NextBefore);
