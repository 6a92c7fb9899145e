namespace SyncHub.Core.Reconciliation;

/// <summary>One field that differs: what the source side would send, what the destination holds (null: absent).</summary>
public sealed record FieldDifference(string Field, string? Source, string? Destination);
