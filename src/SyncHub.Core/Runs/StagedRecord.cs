namespace SyncHub.Core.Runs;

/// <summary>A record a run took in for delivery; <paramref name="IsUpdate"/> when the destination already had an earlier version.</summary>
internal readonly record struct StagedRecord(long Id, bool IsUpdate);
