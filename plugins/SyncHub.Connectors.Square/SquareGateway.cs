using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Square;

/// <summary>
/// Syncs store members to Square customers through the Customers API. A member already in Square (found by its
/// <c>reference_id</c>) is updated; otherwise one customer with the same email is linked, several are reported as
/// possible duplicates for an administrator, and none means the customer is created (idempotently on the record's key).
/// A member's points are then kept on the customer's loyalty account through the Loyalty API.
/// For reconciliation it lists the customers updated since a time, or looks one member up by its reference.
/// Connection failures and cancellation are left to SyncHub.
/// </summary>
public sealed class SquareGateway : IConnectorGateway, IDestinationReader, IRecordLookup, IConnectionTest, IDuplicateResolver, IMergeTransfer
{
    private readonly SquareRequestReader _requests;
    private readonly SquareCustomerWriter _writer;
    private readonly SquarePoints _points;
    private readonly SquareLookup _lookup;
    private readonly SquareConnectionCheck _connection;
    private readonly SquareDestination _destination;

    /// <summary>Creates the gateway; SyncHub calls this once when the plugin loads.</summary>
    public SquareGateway(ConnectorServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.Logging.CreateLogger<SquareGateway>();
        _requests = new SquareRequestReader(services);
        _writer = new SquareCustomerWriter(logger);
        _points = new SquarePoints(logger);
        _lookup = new SquareLookup(services, logger);
        _connection = new SquareConnectionCheck(services, logger);
        _destination = new SquareDestination(services, logger);
    }

    /// <inheritdoc />
    public ConnectorInfo Info { get; } = new("square", "Square (customers)", "1.1.0")
    {
        Settings = SquareSettings.Fields,
        EntityTypes = ["customer"],

        // Square publishes no fixed numbers and answers 429 when pushed; ten calls in flight stays well clear of it.
        RateLimits = new ConnectorRateLimits { MaxConcurrent = 10 },
    };

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (client, member, refused) = _requests.Read(request.Settings, request.Body, request.SourceId);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = await _writer.DeliverAsync(request, client!, member!, cancellationToken);
        return await _points.KeepAsync(request, client!, member!, outcome, cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="externalId"/> the member's Square customer, as an administrator chose: writes the
    /// member's reference and fields into it (UpdateCustomer).
    /// </summary>
    public async Task<DeliveryOutcome> LinkAsync(DeliveryRequest request, string externalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        var (client, member, refused) = _requests.Read(request.Settings, request.Body, request.SourceId);
        if (refused is not null)
        {
            return refused;
        }

        var linked = await _writer.LinkAsync(request, client!, member!, externalId, cancellationToken);
        return await _points.KeepAsync(request, client!, member!, linked, cancellationToken);
    }

    /// <summary>
    /// Before a merge changes anything: the token may update customers (and, when the member carries points, read and
    /// write loyalty accounts), and the survivor has a loyalty account or can be given one. Reads only.
    /// </summary>
    public async Task<MergeCheckResult> CheckMergeAsync(MergeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (client, member, refused) = _requests.Read(request.Settings, request.Body, request.SourceId);
        return refused is not null
            ? MergeCheckResult.Refuse(refused.ErrorClass, refused.Message ?? "The member cannot be sent to Square.")
            : await new SquareMerge(client!).CheckAsync(request, member!, cancellationToken);
    }

    /// <summary>The merged customers' loyalty balances set to zero: the survivor is given their sum by the link.</summary>
    public async Task<DeliveryOutcome> TransferAsync(MergeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (client, member, refused) = _requests.Read(request.Settings, request.Body, request.SourceId);
        return refused ?? await new SquareMerge(client!).TransferAsync(request, member!, cancellationToken);
    }

    /// <summary>
    /// Searches Square for a customer whose <c>reference_id</c> is the record's source id. A look-up has no body, so a
    /// mapping whose <c>memberNumber</c> differs from the source id is only found by the delivery's own search.
    /// </summary>
    public Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _lookup.LookupAsync(request, cancellationToken);
    }

    /// <summary>Lists one customer (ListCustomers): proves the token is accepted and may read customers; changes nothing.</summary>
    public Task<ConnectionTestResult> TestConnectionAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _connection.TestAsync(integrationSlug, settings, cancellationToken);
    }

    /// <summary>Square is read by searching its customers.</summary>
    public DestinationReadMode ReadMode(ConnectorSettings settings) => DestinationReadMode.List;

    /// <summary>True: delivery finds the customer by its <c>reference_id</c> and updates it.</summary>
    public bool ResendReplaces(string entityType) => true;

    /// <inheritdoc />
    public DestinationRecord? Expect(DestinationSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return SquareDestination.Expect(subject);
    }

    /// <summary>One page of the customers updated since the query's time that carry a <c>reference_id</c>.</summary>
    public Task<DestinationPage> ListAsync(DestinationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _destination.ListAsync(query, cancellationToken);
    }

    /// <summary>The customer whose <c>reference_id</c> is the member's, as delivery's own search finds it.</summary>
    public Task<DestinationFetch> FetchAsync(DestinationSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return _destination.FetchAsync(subject, cancellationToken);
    }
}
