using System.Collections.Concurrent;
using System.Globalization;
using SyncHub.Connectors;

namespace SyncHub.TestUtils;

/// <summary>
/// A connector that is also a source: tests add source records and script page-read failures; deliveries go
/// through the given <see cref="FakeGateway"/> so they are scripted and counted the same way.
/// </summary>
public sealed class FakeSource(FakeGateway deliveries) : IConnectorGateway, IConnectorSource, ICredentialRefresh
{
    public const string Name = "fake-source";

    private readonly ConcurrentQueue<SourcePage> _readFailures = new();
    private readonly List<SourceRecord> _records = [];
    private readonly ConcurrentDictionary<int, SourcePage> _failuresByRead = new();
    private int _reads;
    private int _refreshes;

    public ConnectorInfo Info { get; } = new(Name, "Fake source", "1.0.0");

    public ConcurrentQueue<SourceQuery> Queries { get; } = new();

    public bool RefreshSucceeds { get; set; } = true;

    public int Refreshes => _refreshes;

    public FakeSource Add(string sourceId, DateTimeOffset changedAt, string payload = """{"amount": 1}""", string entityType = "invoice")
    {
        lock (_records)
        {
            _records.RemoveAll(r => r.SourceId == sourceId && r.EntityType == entityType);
            _records.Add(new SourceRecord(entityType, sourceId, payload, changedAt));
        }

        return this;
    }

    public FakeSource ThenReadFails(ErrorClass errorClass, string message, int? httpStatus = null, TimeSpan? retryAfter = null)
    {
        _readFailures.Enqueue(SourcePage.Failed(errorClass, message, httpStatus, retryAfter));
        return this;
    }

    /// <summary>Read number <paramref name="readNumber"/> (1-based) fails this way.</summary>
    public FakeSource FailRead(int readNumber, ErrorClass errorClass, string message, int? httpStatus = null, TimeSpan? retryAfter = null)
    {
        _failuresByRead[readNumber] = SourcePage.Failed(errorClass, message, httpStatus, retryAfter);
        return this;
    }

    public Task<SourcePage> ReadAsync(SourceQuery query, CancellationToken cancellationToken)
    {
        Queries.Enqueue(query);
        if (_failuresByRead.TryRemove(Interlocked.Increment(ref _reads), out var planned))
        {
            return Task.FromResult(planned);
        }

        if (_readFailures.TryDequeue(out var failure))
        {
            return Task.FromResult(failure);
        }

        List<SourceRecord> matching;
        lock (_records)
        {
            matching = [.. _records
                .Where(r => (query.ChangedFrom is null || r.ChangedAt >= query.ChangedFrom) && (query.ChangedTo is null || r.ChangedAt < query.ChangedTo))
                .OrderBy(r => r.ChangedAt).ThenBy(r => r.SourceId, StringComparer.Ordinal)];
        }

        var offset = query.Cursor is null ? 0 : int.Parse(query.Cursor, CultureInfo.InvariantCulture);
        var page = matching.Skip(offset).Take(query.PageSize).ToList();
        var next = offset + page.Count < matching.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(SourcePage.Of(page, next));
    }

    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken) =>
        deliveries.DeliverAsync(request, cancellationToken);

    public Task<bool> RefreshCredentialsAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refreshes);
        return Task.FromResult(RefreshSucceeds);
    }
}
