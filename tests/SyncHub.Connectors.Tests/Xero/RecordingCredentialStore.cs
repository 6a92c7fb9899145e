using System.Collections.Concurrent;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>Keeps what the connector saved, in order.</summary>
internal sealed class RecordingCredentialStore : ICredentialStore
{
    private readonly ConcurrentQueue<(string Integration, IReadOnlyDictionary<string, string> Values)> _saved = new();

    public IReadOnlyList<(string Integration, IReadOnlyDictionary<string, string> Values)> Saved => [.. _saved];

    public Task SaveAsync(string integrationSlug, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        _saved.Enqueue((integrationSlug, new Dictionary<string, string>(values)));
        return Task.CompletedTask;
    }
}
