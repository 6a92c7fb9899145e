namespace SyncHub.Core.Audit;

/// <summary>What the audit page narrows to. <see cref="To"/> is exclusive; <see cref="Before"/> is the keyset cursor (an entry id).</summary>
public sealed record AuditFilter(string? Actor, string? Action, string? Target, DateTimeOffset? From, DateTimeOffset? To, long? Before);
