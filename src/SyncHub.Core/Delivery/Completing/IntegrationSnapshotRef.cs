namespace SyncHub.Core.Delivery.Completing;

/// <summary>An integration named in a notice.</summary>
internal readonly record struct IntegrationSnapshotRef(int Id, string Slug);
