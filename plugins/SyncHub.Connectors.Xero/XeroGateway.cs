using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Connectors.Xero.Auth;
using SyncHub.Connectors.Xero.Http;
using SyncHub.Connectors.Xero.Reconcile;

namespace SyncHub.Connectors.Xero;

/// <summary>
/// Delivers invoices (ACCREC), bills (ACCPAY), contacts and payments to the Xero Accounting API with the
/// create (PUT) operations, an <c>Idempotency-Key</c> per record and SyncHub's reference stamped into the
/// item so <see cref="LookupAsync"/> can find it again. OAuth 2.0 tokens are refreshed per integration ahead
/// of expiry and on a 401; rotated tokens are saved through <see cref="ConnectorServices.Credentials"/>.
/// For reconciliation it lists a collection changed since a time, or looks one record up, by that same reference.
/// Connection failures and cancellation are left to SyncHub.
/// </summary>
public sealed class XeroGateway : IConnectorGateway, IDestinationReader, IRecordLookup, IConnectionTest, ICredentialRefresh
{
    private readonly XeroTokens _tokens;
    private readonly XeroWriter _writer;
    private readonly XeroLookup _lookup;
    private readonly XeroConnectionCheck _connection;
    private readonly XeroDestination _destination;

    /// <summary>Creates the gateway; SyncHub calls this once when the plugin loads.</summary>
    public XeroGateway(ConnectorServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.Logging.CreateLogger<XeroGateway>();
        _tokens = new XeroTokens(services, logger);
        var api = new XeroApi(services, _tokens);
        _writer = new XeroWriter(services, api, logger);
        _lookup = new XeroLookup(services, api, logger);
        _connection = new XeroConnectionCheck(services, api);
        _destination = new XeroDestination(services, api, logger);
    }

    /// <inheritdoc />
    public ConnectorInfo Info { get; } = XeroConnectorInfo.Create();

    /// <inheritdoc />
    public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _writer.DeliverAsync(request, cancellationToken);
    }

    /// <summary>
    /// Finds the record by the reference delivery stamped into it: invoices and bills by <c>Type</c> and
    /// <c>Reference</c>, contacts by <c>ContactNumber</c>, payments by <c>Reference</c>, each with the
    /// collection's <c>where</c> filter. Other entity types are not supported.
    /// </summary>
    public Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _lookup.LookupAsync(request, cancellationToken);
    }

    /// <summary>Reads the organisation (<c>GET /Organisation</c>), refreshing the token if needed; changes nothing.</summary>
    public Task<ConnectionTestResult> TestConnectionAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _connection.TestAsync(integrationSlug, settings, cancellationToken);
    }

    /// <summary>Trades the refresh token for a new access token now (Xero rotates the refresh token too).</summary>
    public async Task<bool> RefreshCredentialsAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!XeroSettings.TryRead(settings, out var xero, out _))
        {
            return false;
        }

        var seen = _tokens.CurrentVersion(integrationSlug, xero);
        var refreshed = await _tokens.RefreshAsync(integrationSlug, xero, seen, cancellationToken);
        return refreshed.Failure is null;
    }

    /// <summary>Xero is read by listing its collections.</summary>
    public DestinationReadMode ReadMode(ConnectorSettings settings) => DestinationReadMode.List;

    /// <summary>
    /// False: delivery creates (PUT), so a record sent again would become a second invoice, bill, contact or payment. A
    /// different record is left to be corrected in Xero; one deleted or voided there counts as missing and is resynced.
    /// </summary>
    public bool ResendReplaces(string entityType) => false;

    /// <inheritdoc />
    public DestinationRecord? Expect(DestinationSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return XeroDestination.Expect(subject);
    }

    /// <summary>One page of invoices, bills, contacts or payments changed since the query's time, with line items.</summary>
    public Task<DestinationPage> ListAsync(DestinationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _destination.ListAsync(query, cancellationToken);
    }

    /// <summary>The record carrying SyncHub's reference, as <see cref="LookupAsync"/> finds it, with its fields.</summary>
    public Task<DestinationFetch> FetchAsync(DestinationSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return _destination.FetchAsync(subject, cancellationToken);
    }
}
