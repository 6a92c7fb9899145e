using System.Text.Json;

namespace SyncHub.Plugins.Protocol;

/// <summary>A connection test's arguments on the wire.</summary>
internal sealed record WireConnectionTest(string IntegrationSlug, JsonElement Settings);
