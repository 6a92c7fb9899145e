using System.Collections.Concurrent;

namespace SyncHub.Specs;

/// <summary>The scripted answers per operation: queued answers first, then the operation's handler, then none.</summary>
internal sealed class ResponseScript
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<ReceivedRequest, ScriptedResponse>> _handlers = new(StringComparer.Ordinal);

    public void Enqueue(SpecOperation operation, ScriptedResponse response) =>
        _queues.GetOrAdd(Key(operation), _ => new ConcurrentQueue<ScriptedResponse>()).Enqueue(response);

    public void Respond(SpecOperation operation, Func<ReceivedRequest, ScriptedResponse> handler) => _handlers[Key(operation)] = handler;

    /// <summary>The scripted answer for this request, or null when the test scripted none (the spec's example is used).</summary>
    public ScriptedResponse? Next(SpecOperation operation, ReceivedRequest request)
    {
        var key = Key(operation);
        if (_queues.TryGetValue(key, out var queue) && queue.TryDequeue(out var queued))
        {
            return queued;
        }

        return _handlers.TryGetValue(key, out var handler) ? handler(request) : null;
    }

    /// <summary>How many queued answers no request has used yet.</summary>
    public int Pending => _queues.Values.Sum(q => q.Count);

    private static string Key(SpecOperation operation) => operation.Method + " " + operation.PathTemplate;
}
