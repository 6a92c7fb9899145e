namespace SyncHub.Core.Retries;

/// <summary>The shape of an exponential backoff: base × factor^n, capped at a maximum (all in seconds).</summary>
public readonly record struct BackoffShape(double BaseSeconds, double Factor, double MaxSeconds);
