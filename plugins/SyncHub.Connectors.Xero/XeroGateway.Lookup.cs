using System.Text.Json;
using SyncHub.Connectors;
using SyncHub.Connectors.Xero.Faults;
using SyncHub.Connectors.Xero.Http;
using SyncHub.Connectors.Xero.Payloads;

namespace SyncHub.Connectors.Xero;

public sealed partial class XeroGateway : IRecordLookup
{
    /// <summary>
    /// Finds the record by the reference delivery stamped into it: invoices and bills by <c>Type</c> and
    /// <c>Reference</c>, contacts by <c>ContactNumber</c>, payments by <c>Reference</c>, each with the
    /// collection's <c>where</c> filter. Other entity types are not supported.
    /// </summary>
    public async Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
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
        var answer = await _api.SendAsync(request.IntegrationSlug, settings, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        if (!answer.IsSuccess)
        {
            return XeroFaults.Classify(answer, null, _services.Time.GetUtcNow()).ToLookup();
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
}
