using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors.Xero.Faults;
using SyncHub.Connectors.Xero.Http;
using SyncHub.Connectors.Xero.Payloads;

namespace SyncHub.Connectors.Xero;

/// <summary>
/// Creates an invoice, bill, contact or payment (PUT) with an <c>Idempotency-Key</c> per record and SyncHub's
/// reference stamped into the item, and says what Xero answered.
/// </summary>
internal sealed partial class XeroWriter(ConnectorServices services, XeroApi api, ILogger logger)
{
    private const int MaxIdempotencyKeyChars = 128;

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
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
        var answer = await api.SendAsync(request.IntegrationSlug, settings, () => CreateRequest(url, json, key), cancellationToken);
        var outcome = answer.IsSuccess
            ? Created(entity, answer)
            : XeroFaults.Classify(answer, entity, services.Time.GetUtcNow()).ToDelivery();
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

    /// <summary>Xero takes keys of up to 128 characters; a longer one is replaced by its hash, the same on every attempt.</summary>
    internal static string IdempotencyKey(string key) => key.Length <= MaxIdempotencyKeyChars
        ? key
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

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
                    ?? DeliveryOutcome.Delivered(XeroJson.Text(item, entity.IdProperty, XeroLookup.MaxExternalIdChars), answer.Status);
            }
        }
        catch (JsonException)
        {
            // Xero accepted the call; an odd success body only means there is no id to keep.
        }

        return DeliveryOutcome.Delivered(null, answer.Status);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Xero accepted {EntityType} record {RecordId} of {Integration} as {ExternalId}")]
    private partial void LogDelivered(long recordId, string integration, string entityType, string? externalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Xero refused {EntityType} record {RecordId} of {Integration} with HTTP {HttpStatus} ({ErrorClass})")]
    private partial void LogRefused(long recordId, string integration, string entityType, int? httpStatus, ErrorClass errorClass);
}
