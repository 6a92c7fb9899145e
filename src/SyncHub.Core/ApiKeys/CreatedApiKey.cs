namespace SyncHub.Core.ApiKeys;

/// <summary>A key just made: <see cref="Key"/> is shown once and then exists nowhere in SyncHub.</summary>
public sealed record CreatedApiKey(ApiKeyView View, string Key);
