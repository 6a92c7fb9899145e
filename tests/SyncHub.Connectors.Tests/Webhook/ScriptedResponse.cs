namespace SyncHub.Connectors.Tests.Webhook;

/// <summary>One answer the loopback server gives, in the order queued.</summary>
internal sealed record ScriptedResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null);
