using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Connectors.Xero.Auth;
using SyncHub.Connectors.Xero.Faults;
using SyncHub.Connectors.Xero.Http;
using SyncHub.Connectors.Xero.Payloads;
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
public sealed partial class XeroGateway : IConnectorGateway, IDestinationReader
{
    private const int MaxIdempotencyKeyChars = 128;
    private const int MaxExternalIdChars = 200;

    private readonly ConnectorServices _services;
    private readonly ILogger _logger;
    private readonly XeroTokens _tokens;
    private readonly XeroApi _api;
    private readonly XeroDestination _destination;

    /// <summary>Creates the gateway; SyncHub calls this once when the plugin loads.</summary>
    public XeroGateway(ConnectorServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _logger = services.Logging.CreateLogger<XeroGateway>();
        _tokens = new XeroTokens(services, _logger);
        _api = new XeroApi(services, _tokens);
        _destination = new XeroDestination(services, _api, _logger);
    }

    /// <inheritdoc />
    public ConnectorInfo Info { get; } = XeroConnectorInfo.Create();

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (XeroEntities.Find(request.EntityType) is not { } entity)
        {
            return DeliveryOutcome.Failed(ErrorClass.Validation,
                $"The Xero connector delivers invoice, bill, contact and payment records, not '{UntrustedText.OneLine(request.EntityType, 50)}'.");
        }

        if (!XeroSettings.TryRead(request.Settings, out var settings, out var problem))
        {
            return DeliveryOutcome.Failed(ErrorClass.ConnectorFault, problem);
        }

        var payload = XeroPayload.Build(entity, request.Body, request.SourceId);
        if (payload.Json is not { } json)
        {
            var first = payload.Problems[0];
            return DeliveryOutcome.Invalid($"The record does not fit a Xero {entity.Label}: {first.Field}: {first.Message}", payload.Problems);
        }

        var url = new Uri($"{settings.BaseUrl}/{entity.Collection}?{entity.CreateQuery}");
        var key = IdempotencyKey(request.IdempotencyKey);
        var answer = await _api.SendAsync(request.IntegrationSlug, settings, () => CreateRequest(url, json, key), cancellationToken);
        var outcome = answer.IsSuccess
            ? Created(entity, answer)
            : XeroFaults.Classify(answer, entity, _services.Time.GetUtcNow()).ToDelivery();
        if (outcome.IsDelivered)
        {
            LogDelivered(request.RecordId, request.IntegrationSlug, entity.EntityType, outcome.ExternalId);
        }
        else
        {
            LogRefused(request.RecordId, request.IntegrationSlug, entity.EntityType, outcome.HttpStatus, outcome.ErrorClass);
        }

        return outcome;
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

    private static HttpRequestMessage CreateRequest(Uri url, string json, string idempotencyKey)
    {
        var message = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        message.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return message;
    }

    private static DeliveryOutcome Created(XeroEntity entity, XeroAnswer answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            if (XeroJson.FirstItem(document.RootElement, entity.Collection) is { } item)
            {
                return XeroFaults.RefusedItem(item, entity, answer.Status)?.ToDelivery()
                    ?? DeliveryOutcome.Delivered(XeroJson.Text(item, entity.IdProperty, MaxExternalIdChars), answer.Status);
            }
        }
        catch (JsonException)
        {
            // Xero accepted the call; an odd success body only means there is no id to keep.
        }

        return DeliveryOutcome.Delivered(null, answer.Status);
    }

    /// <summary>Xero takes keys of up to 128 characters; a longer one is replaced by its hash, the same on every attempt.</summary>
    private static string IdempotencyKey(string key) => key.Length <= MaxIdempotencyKeyChars
        ? key
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
