using System.Collections.Concurrent;
using SyncHub.Connectors;

namespace SyncHub.TestUtils;

/// <summary>
/// An in-process connector named "fake-lookup" that models a destination without idempotency support but with
/// a look-up: every create that lands is stored (a second one with the same key would be a duplicate), and
/// look-ups answer from the store unless scripted otherwise. A "lost response" stores the create and still
/// reports a timeout, the case look-ups exist for.
/// </summary>
public sealed class FakeLookupGateway : IConnectorGateway, IRecordLookup
{
    public const string Name = "fake-lookup";

    private readonly ConcurrentQueue<Func<DeliveryRequest, DeliveryOutcome>> _script = new();
    private readonly ConcurrentQueue<Func<LookupRequest, LookupOutcome>> _lookupScript = new();

    public ConnectorInfo Info { get; } = new(Name, "Fake with look-up", "1.0.0");

    /// <summary>Every delivery call, landed or not.</summary>
    public ConcurrentQueue<DeliveryRequest> Requests { get; } = new();

    /// <summary>Every look-up call.</summary>
    public ConcurrentQueue<LookupRequest> Lookups { get; } = new();

    /// <summary>Creates that landed at the "destination", in order, by idempotency key (duplicates included).</summary>
    public ConcurrentQueue<string> Created { get; } = new();

    private ConcurrentDictionary<string, string> Stored { get; } = new(StringComparer.Ordinal);

    /// <summary>The next delivery is saved but its answer is lost: the caller sees a timeout.</summary>
    public FakeLookupGateway ThenLoseResponse()
    {
        _script.Enqueue(request =>
        {
            Store(request);
            return DeliveryOutcome.Failed(ErrorClass.Transient, "Timed out: no answer within 30 s.");
        });
        return this;
    }

    /// <summary>The next delivery fails without landing.</summary>
    public FakeLookupGateway ThenFail(ErrorClass errorClass, string message, int? httpStatus = null)
    {
        _script.Enqueue(_ => DeliveryOutcome.Failed(errorClass, message, httpStatus));
        return this;
    }

    /// <summary>The next delivery lands, but the destination answers with a failure anyway (for example a 409 after saving).</summary>
    public FakeLookupGateway ThenLandAndFail(ErrorClass errorClass, string message, int? httpStatus = null)
    {
        _script.Enqueue(request =>
        {
            Store(request);
            return DeliveryOutcome.Failed(errorClass, message, httpStatus);
        });
        return this;
    }

    /// <summary>The next look-up answers this instead of asking the store.</summary>
    public FakeLookupGateway ThenLookup(LookupOutcome outcome)
    {
        _lookupScript.Enqueue(_ => outcome);
        return this;
    }

    public FakeLookupGateway ThenLookupThrow(Exception exception)
    {
        _lookupScript.Enqueue(_ => throw exception);
        return this;
    }

    public IReadOnlyList<string> CreatedFor(string idempotencyKey) => [.. Created.Where(k => k == idempotencyKey)];

    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (_script.TryDequeue(out var next))
        {
            return Task.FromResult(next(request));
        }

        return Task.FromResult(DeliveryOutcome.Delivered(Store(request), 201));
    }

    public Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        Lookups.Enqueue(request);
        if (_lookupScript.TryDequeue(out var next))
        {
            return Task.FromResult(next(request));
        }

        return Task.FromResult(Stored.TryGetValue(request.IdempotencyKey, out var id) ? LookupOutcome.Found(id) : LookupOutcome.NotFound());
    }

    private string Store(DeliveryRequest request)
    {
        Created.Enqueue(request.IdempotencyKey);
        return Stored.GetOrAdd(request.IdempotencyKey, $"DEST-{request.RecordId}");
    }
}
