namespace SyncHub.Connectors;

/// <summary>A record at the destination that may be the same as the one being delivered.</summary>
/// <param name="ExternalId">Its id at the destination.</param>
/// <param name="DisplayName">How to show it, for example a customer's name. Untrusted text.</param>
public sealed record DuplicateCandidate(string ExternalId, string DisplayName)
{
    /// <summary>Fields to compare side by side (email, phone, reference, created). Untrusted text.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
}
