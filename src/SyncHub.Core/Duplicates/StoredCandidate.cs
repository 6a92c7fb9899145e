namespace SyncHub.Core.Duplicates;

/// <summary>A duplicate candidate as a review stores it (bounded, untrusted text).</summary>
public sealed record StoredCandidate(string ExternalId, string DisplayName, Dictionary<string, string> Fields);
