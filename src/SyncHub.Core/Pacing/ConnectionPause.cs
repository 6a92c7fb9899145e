namespace SyncHub.Core.Pacing;

/// <summary>Sending to an integration waits until <paramref name="Until"/>, for the given reason.</summary>
public sealed record ConnectionPause(DateTimeOffset Until, string Reason);
