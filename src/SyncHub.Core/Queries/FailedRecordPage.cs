namespace SyncHub.Core.Queries;

/// <summary>A keyset page: <see cref="Next"/> is the cursor for the following page, or null at the end.</summary>
public sealed record FailedRecordPage(IReadOnlyList<FailedRecordRow> Items, long? Next);
