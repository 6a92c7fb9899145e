using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors.Xero.Faults;
using SyncHub.Connectors.Xero.Http;
using SyncHub.Connectors.Xero.Payloads;

namespace SyncHub.Connectors.Xero;

/// <summary>
/// Finds the record by the reference delivery stamped into it: invoices and bills by <c>Type</c> and
/// <c>Reference</c>, contacts by <c>ContactNumber</c>, payments by <c>Reference</c>, each with the
/// collection's <c>where</c> filter. Other entity types are not supported.
/// </summary>
internal sealed partial class XeroLookup(ConnectorServices services, XeroApi api, ILogger logger)
{
    public const int MaxExternalIdChars = 200;

    public async Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        if (XeroEntities.Find(request.EntityType) is not { } entity)
        {
            return LookupOutcome.NotSupported();
        }

        if (!XeroSettings.TryRead(request.Settings, out var settings, out var problem))
        {
            return LookupOutcome.Failed(ErrorClass.ConnectorFault, problem);
        }

        var filter = entity.LookupFilter(XeroReference.For(request.SourceId, entity.ReferenceMaxLength));
        var url = new Uri($"{settings.BaseUrl}/{entity.Collection}?where={Uri.EscapeDataString(filter)}");
        var answer = await api.SendAsync(request.IntegrationSlug, settings, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        if (!answer.IsSuccess)
        {
            return XeroFaults.Classify(answer, null, services.Time.GetUtcNow()).ToLookup();
        }

        var outcome = Found(answer, entity);
        LogLookedUp(request.RecordId, request.IntegrationSlug, entity.EntityType, outcome.IsFound, answer.Status);
        return outcome;
    }

    private static LookupOutcome Found(XeroAnswer answer, XeroEntity entity)
    {
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(entity.Collection, out var items) || items.ValueKind != JsonValueKind.Array)
            {
                return LookupOutcome.Failed(ErrorClass.SchemaMismatch, $"Xero's answer to the look-up has no {entity.Collection} array.", answer.Status);
            }

            return XeroJson.FirstItem(root, entity.Collection) is { } item
                ? LookupOutcome.Found(XeroJson.Text(item, entity.IdProperty, MaxExternalIdChars))
                : LookupOutcome.NotFound();
        }
        catch (JsonException)
        {
            return LookupOutcome.Failed(ErrorClass.SchemaMismatch, "Xero's answer to the look-up is not JSON.", answer.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Xero look-up of {EntityType} record {RecordId} of {Integration}: found {Found}, HTTP {HttpStatus}")]
    private partial void LogLookedUp(long recordId, string integration, string entityType, bool found, int httpStatus);
}
