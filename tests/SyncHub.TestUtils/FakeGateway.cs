using System.Collections.Concurrent;
using SyncHub.Connectors;

namespace SyncHub.TestUtils;

/// <summary>
/// An in-process connector named "fake": answers from a scripted sequence of outcomes (then delivers),
/// records every request, and can hold calls open so tests can force interleavings.
/// </summary>
public sealed class FakeGateway : IConnectorGateway, IDuplicateResolver, IMergeTransfer
{
    public const string Name = "fake";

    private readonly ConcurrentQueue<Func<DeliveryRequest, DeliveryOutcome>> _script = new();
    private readonly ConcurrentDictionary<string, DeliveryOutcome> _failuresBySourceId = new(StringComparer.Ordinal);
    private TaskCompletionSource? _gate;

    /// <summary>Settable so a test can declare rate limits or settings.</summary>
    public ConnectorInfo Info { get; set; } = new(Name, "Fake", "1.0.0");

    public ConcurrentQueue<DeliveryRequest> Requests { get; } = new();

    /// <summary>Signalled each time a call arrives (and is then held, if a gate is set).</summary>
    public SemaphoreSlim Arrived { get; } = new(0);

    public FakeGateway Then(DeliveryOutcome outcome)
    {
        _script.Enqueue(_ => outcome);
        return this;
    }

    public FakeGateway ThenFail(ErrorClass errorClass, string message, int? httpStatus = null, TimeSpan? retryAfter = null) =>
        Then(DeliveryOutcome.Failed(errorClass, message, httpStatus, retryAfter));

    /// <summary>The next delivery of the record with <paramref name="sourceId"/> fails this way, whatever order records arrive in.</summary>
    public FakeGateway FailNextFor(string sourceId, ErrorClass errorClass, string message, int? httpStatus = null)
    {
        _failuresBySourceId[sourceId] = DeliveryOutcome.Failed(errorClass, message, httpStatus);
        return this;
    }

    /// <summary>The next delivery of the record with <paramref name="sourceId"/> answers <paramref name="outcome"/>.</summary>
    public FakeGateway AnswerNextFor(string sourceId, DeliveryOutcome outcome)
    {
        _failuresBySourceId[sourceId] = outcome;
        return this;
    }

    /// <summary>Every link an administrator's merge asked for: the record and the surviving destination id.</summary>
    public ConcurrentQueue<(DeliveryRequest Request, string ExternalId)> Links { get; } = new();

    /// <summary>The next link answers this instead of linking.</summary>
    public DeliveryOutcome? NextLinkOutcome { get; set; }

    public Task<DeliveryOutcome> LinkAsync(DeliveryRequest request, string externalId, CancellationToken cancellationToken)
    {
        Links.Enqueue((request, externalId));
        var outcome = NextLinkOutcome ?? DeliveryOutcome.Linked(externalId, $"Linked to {externalId}.", 200);
        NextLinkOutcome = null;
        return Task.FromResult(outcome);
    }

    /// <summary>Every merge check SyncHub asked for, in order.</summary>
    public ConcurrentQueue<MergeRequest> MergeChecks { get; } = new();

    /// <summary>Every transfer SyncHub asked for, in order.</summary>
    public ConcurrentQueue<MergeRequest> Transfers { get; } = new();

    /// <summary>The next merge check answers this instead of allowing the merge.</summary>
    public MergeCheckResult? NextMergeCheck { get; set; }

    /// <summary>The next transfer answers this instead of succeeding.</summary>
    public DeliveryOutcome? NextTransferOutcome { get; set; }

    /// <summary>When set, the next merge check throws it: a connector bug.</summary>
    public Exception? NextMergeCheckThrows { get; set; }

    public Task<MergeCheckResult> CheckMergeAsync(MergeRequest request, CancellationToken cancellationToken)
    {
        MergeChecks.Enqueue(request);
        if (NextMergeCheckThrows is { } bug)
        {
            NextMergeCheckThrows = null;
            throw bug;
        }

        var result = NextMergeCheck ?? MergeCheckResult.Allow();
        NextMergeCheck = null;
        return Task.FromResult(result);
    }

    public Task<DeliveryOutcome> TransferAsync(MergeRequest request, CancellationToken cancellationToken)
    {
        Transfers.Enqueue(request);
        var outcome = NextTransferOutcome ?? DeliveryOutcome.Delivered(httpStatus: 200);
        NextTransferOutcome = null;
        return Task.FromResult(outcome);
    }

    /// <summary>A connector bug: no outcome at all.</summary>
    public FakeGateway ThenReturnNothing()
    {
        _script.Enqueue(_ => null!);
        return this;
    }

    public FakeGateway ThenThrow(Exception exception)
    {
        _script.Enqueue(_ => throw exception);
        return this;
    }

    /// <summary>Holds every call until <see cref="Release"/> is called.</summary>
    /// <remarks>Arrivals before the hold are forgotten, so <see cref="Arrived"/> then signals held calls only.</remarks>
    public void Hold()
    {
        while (Arrived.Wait(0))
        {
        }

        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => _gate?.TrySetResult();

    public IReadOnlyList<DeliveryRequest> RequestsFor(long recordId) => [.. Requests.Where(r => r.RecordId == recordId)];

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        Arrived.Release();
        if (_gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (_failuresBySourceId.TryRemove(request.SourceId, out var failure))
        {
            return failure;
        }

        return _script.TryDequeue(out var next) ? next(request) : DeliveryOutcome.Delivered("EXT-" + request.RecordId, 201);
    }
}
