using System.Collections.Concurrent;
using System.Text.Json;
using SyncHub.Connectors;
using SyncHub.Plugins.Protocol;

namespace SyncHub.PluginHost;

/// <summary>
/// Serves the host's requests: each runs on its own task, so a slow call never holds up the next; replies are
/// written one whole line at a time. When the host closes stdin, everything running is cancelled and the process ends.
/// </summary>
internal sealed class ChildServer(IReadOnlyList<IConnectorGateway> gateways, StreamWriter replies, TextWriter log)
{
    private readonly Dictionary<string, IConnectorGateway> _byName = gateways
        .GroupBy(g => g.Info.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<long, CancellationTokenSource> _running = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public Task HelloAsync() => WriteAsync(new ChildHello([.. gateways.Select(WireConnector.Describe)]));

    public async Task ServeAsync(TextReader requests)
    {
        while (await requests.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            HostRequest? request;
            try
            {
                request = PluginWire.Read<HostRequest>(line);
            }
            catch (JsonException ex)
            {
                await log.WriteLineAsync("Ignored a request that is not valid JSON: " + ex.Message);
                continue;
            }

            if (request is null)
            {
                continue;
            }

            if (request.Op == PluginWire.Cancel)
            {
                Cancel(request.Id);
                continue;
            }

            var cancellation = new CancellationTokenSource();
            _running[request.Id] = cancellation;
            _ = Task.Run(() => HandleAsync(request, cancellation));
        }

        foreach (var id in _running.Keys)
        {
            Cancel(id);
        }
    }

    private void Cancel(long id)
    {
        try
        {
            if (_running.TryGetValue(id, out var cancellation))
            {
                cancellation.Cancel();
            }
        }
        catch (ObjectDisposedException)
        {
            // The call finished meanwhile.
        }
    }

    private async Task HandleAsync(HostRequest request, CancellationTokenSource cancellation)
    {
        ChildReply reply;
        try
        {
            reply = await CallAsync(request, cancellation.Token);
        }
        catch (Exception ex)
        {
            // The host classifies it exactly as it would an exception thrown in-process.
            reply = new ChildReply(request.Id)
            {
                ErrorType = ex.GetType().Name,
                Error = ex.Message,
                ErrorHttpStatus = ex is HttpRequestException { StatusCode: { } status } ? (int)status : null,
            };
        }
        finally
        {
            _running.TryRemove(request.Id, out _);
            cancellation.Dispose();
        }

        await WriteAsync(reply);
    }

    private async Task<ChildReply> CallAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var gateway = _byName.GetValueOrDefault(request.Connector ?? "")
            ?? throw new InvalidOperationException($"This plugin has no connector '{request.Connector}'.");
        return request switch
        {
            { Op: PluginWire.Deliver, Delivery: { } delivery } =>
                new ChildReply(request.Id) { Outcome = await gateway.DeliverAsync(delivery.ToRequest(), cancellationToken) is { } outcome ? WireOutcome.From(outcome) : null },
            { Op: PluginWire.Lookup, Lookup: { } lookup } when gateway.Has(ConnectorCapabilities.Lookup) =>
                new ChildReply(request.Id) { Lookup = await ((IRecordLookup)gateway).LookupAsync(lookup.ToRequest(), cancellationToken) is { } found ? WireLookupOutcome.From(found) : null },
            { Op: PluginWire.Test, Test: { } test } when gateway.Has(ConnectorCapabilities.TestConnection) =>
                new ChildReply(request.Id) { Test = await ((IConnectionTest)gateway).TestConnectionAsync(test.IntegrationSlug, new ConnectorSettings(test.Settings), cancellationToken) is { } result ? WireTestResult.From(result) : null },
            _ => throw new InvalidOperationException($"Connector '{request.Connector}' cannot answer '{request.Op}'."),
        };
    }

    private async Task WriteAsync<T>(T message)
    {
        var line = PluginWire.Write(message);
        await _writeLock.WaitAsync();
        try
        {
            await replies.WriteLineAsync(line);
            await replies.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
