using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.TestUtils;

/// <summary>
/// An in-process connector named "fake-destination" whose destination is a dictionary a test can read and damage: every
/// delivery stores the body's top-level fields under the integration and the record's source id (a second delivery
/// replaces them, as an upsert does), and reconciliation lists or looks them up per integration. Tests remove copies (an outage lost them), change fields
/// (someone edited them at the destination), add records nobody sent, and script listing failures. It is also a source
/// (empty unless a test adds records), so reconciliation's source read is exercised too.
/// </summary>
public sealed class FakeDestinationGateway : IConnectorGateway, IDestinationReader, IConnectorSource
{
    public const string Name = "fake-destination";

    // Keyed "integration\nsource id"; a foreign record added without an integration is listed for every integration.
    private readonly ConcurrentDictionary<string, Dictionary<string, string?>> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Func<DestinationPage>> _listFailures = new();
    private readonly ConcurrentQueue<(string Reference, Dictionary<string, string?> Fields)> _copies = new();
    private readonly ConcurrentQueue<DestinationFetch> _fetchScript = new();

    private readonly ConcurrentDictionary<string, SourceRecord> _source = new(StringComparer.Ordinal);
    private volatile TaskCompletionSource? _fetchGate;

    public ConnectorInfo Info { get; } = new(Name, "Fake destination", "1.0.0") { EntityTypes = ["invoice"] };

    /// <summary>List (the default) or look records up one by one.</summary>
    public DestinationReadMode Mode { get; set; } = DestinationReadMode.List;

    public bool Replaces { get; set; } = true;

    /// <summary>Makes <see cref="ReadMode"/> throw, as a plugin bug would.</summary>
    public bool ReadModeThrows { get; set; }

    /// <summary>Every delivery, by source id, in order.</summary>
    public ConcurrentQueue<DeliveryRequest> Deliveries { get; } = new();

    public ConcurrentQueue<DestinationQuery> Listings { get; } = new();

    public ConcurrentQueue<DestinationSubject> Fetches { get; } = new();

    /// <summary>The source ids the destination holds, of every integration.</summary>
    public IReadOnlyCollection<string> Held => [.. _held.Keys.Select(SourceIdOf)];

    /// <summary>An outage lost the record (of every integration holding that source id).</summary>
    public FakeDestinationGateway Lose(string sourceId)
    {
        foreach (var key in _held.Keys.Where(k => SourceIdOf(k) == sourceId))
        {
            _held.TryRemove(key, out _);
        }

        return this;
    }

    public FakeDestinationGateway Change(string sourceId, string field, string? value)
    {
        foreach (var key in _held.Keys.Where(k => SourceIdOf(k) == sourceId))
        {
            _held[key][field] = value;
        }

        return this;
    }

    /// <summary>A record someone created at the destination directly, for one integration or (null) every one.</summary>
    public FakeDestinationGateway AddForeign(string reference, string json, string? integration = null)
    {
        _held[Key(integration ?? "*", reference)] = Fields(json);
        return this;
    }

    /// <summary>A record the source holds (and a source read of its change time returns).</summary>
    public FakeDestinationGateway AddSource(string sourceId, DateTimeOffset changedAt, string payload)
    {
        _source[sourceId] = new SourceRecord("invoice", sourceId, payload, changedAt);
        return this;
    }

    public Task<SourcePage> ReadAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        var matching = _source.Values
            .Where(r => (query.ChangedFrom is null || r.ChangedAt >= query.ChangedFrom) && (query.ChangedTo is null || r.ChangedAt < query.ChangedTo))
            .OrderBy(r => r.SourceId, StringComparer.Ordinal).ToList();
        return Task.FromResult(SourcePage.Of(matching, null));
    }

    public FakeDestinationGateway ThenListFails(ErrorClass errorClass, string message, TimeSpan? retryAfter = null)
    {
        _listFailures.Enqueue(() => DestinationPage.Failed(errorClass, message, retryAfter: retryAfter));
        return this;
    }

    public FakeDestinationGateway ThenListThrows(Exception exception)
    {
        _listFailures.Enqueue(() => throw exception);
        return this;
    }

    /// <summary>A second copy of a delivered record, as a double post leaves it; only a listing shows it.</summary>
    public FakeDestinationGateway AddCopy(string sourceId)
    {
        _copies.Enqueue((sourceId, new Dictionary<string, string?>(_held.Single(h => SourceIdOf(h.Key) == sourceId).Value)));
        return this;
    }

    /// <summary>Look-ups wait until the test completes the returned source (or the call is cancelled): a slow destination.</summary>
    public TaskCompletionSource HoldFetches()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _fetchGate = gate;
        return gate;
    }

    public FakeDestinationGateway ThenFetch(DestinationFetch answer)
    {
        _fetchScript.Enqueue(answer);
        return this;
    }

    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        Deliveries.Enqueue(request);
        _held[Key(request.IntegrationSlug, request.SourceId)] = Fields(request.Body);
        return Task.FromResult(DeliveryOutcome.Delivered("D-" + request.SourceId, 201));
    }

    public DestinationReadMode ReadMode(ConnectorSettings settings) =>
        ReadModeThrows ? throw new InvalidOperationException("plugin bug") : Mode;

    public bool ResendReplaces(string entityType) => Replaces;

    public DestinationRecord? Expect(DestinationSubject subject) =>
        subject.EntityType == "invoice" ? new DestinationRecord("invoice", subject.SourceId) { Fields = Fields(subject.Body) } : null;

    public Task<DestinationPage> ListAsync(DestinationQuery query, CancellationToken cancellationToken)
    {
        Listings.Enqueue(query);
        if (_listFailures.TryDequeue(out var failure))
        {
            return Task.FromResult(failure());
        }

        var all = _held.Where(h => IntegrationOf(h.Key) is "*" || IntegrationOf(h.Key) == query.IntegrationSlug)
            .OrderBy(h => SourceIdOf(h.Key), StringComparer.Ordinal).Select(h => Record(SourceIdOf(h.Key), h.Value))
            .Concat(_copies.Select(c => Record(c.Reference, c.Fields) with { ExternalId = "D2-" + c.Reference })).ToList();
        var offset = query.Cursor is null ? 0 : int.Parse(query.Cursor, CultureInfo.InvariantCulture);
        var page = all.Skip(offset).Take(query.PageSize).ToList();
        var next = offset + page.Count < all.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(DestinationPage.Of(page, next));
    }

    public async Task<DestinationFetch> FetchAsync(DestinationSubject subject, CancellationToken cancellationToken)
    {
        Fetches.Enqueue(subject);
        if (_fetchGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (_fetchScript.TryDequeue(out var scripted))
        {
            return scripted;
        }

        return _held.TryGetValue(Key(subject.IntegrationSlug, subject.SourceId), out var fields)
            ? DestinationFetch.Found(Record(subject.SourceId, fields))
            : DestinationFetch.NotFound();
    }

    private static string Key(string integration, string sourceId) => integration + "\n" + sourceId;

    private static string IntegrationOf(string key) => key[..key.IndexOf('\n', StringComparison.Ordinal)];

    private static string SourceIdOf(string key) => key[(key.IndexOf('\n', StringComparison.Ordinal) + 1)..];

    private static DestinationRecord Record(string reference, Dictionary<string, string?> fields) =>
        new("invoice", reference) { ExternalId = "D-" + reference, Label = "held " + reference, Fields = new Dictionary<string, string?>(fields) };

    private static Dictionary<string, string?> Fields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText(), StringComparer.Ordinal);
    }
}
