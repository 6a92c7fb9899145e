namespace SyncHub.Core.Retries;

/// <summary>
/// One of the common error patterns (seed 002's table): when it holds, its likely cause and resolution. Shown only
/// when the integration's recent attempts look like it, never on the strength of one failed record.
/// </summary>
/// <param name="Scope">When the pattern holds.</param>
/// <param name="Hint">The pattern, its likely cause and what to do: "All records fail with 401: …".</param>
public sealed record ErrorPattern(PatternScope Scope, string Hint);
