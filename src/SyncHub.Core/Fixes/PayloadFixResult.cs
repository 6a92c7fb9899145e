namespace SyncHub.Core.Fixes;

/// <summary>What the fixers changed in a payload; <see cref="Payload"/> is null when nothing changed.</summary>
internal sealed record PayloadFixResult(string? Payload, IReadOnlyList<AppliedFix> Fixes)
{
    public static PayloadFixResult None { get; } = new(null, []);
}
