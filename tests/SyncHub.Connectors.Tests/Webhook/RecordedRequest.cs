namespace SyncHub.Connectors.Tests.Webhook;

/// <summary>What the loopback server received: the path as sent (with any query). Header values repeated on the wire are comma-joined.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
