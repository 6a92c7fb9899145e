using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors.Xero.Faults;
using SyncHub.Connectors.Xero.Http;
using SyncHub.Connectors.Xero.Payloads;

namespace SyncHub.Connectors.Xero.Reconcile;

/// <summary>
/// Reads Xero for reconciliation: pages of a collection changed since a time (<c>If-Modified-Since</c>, <c>page</c>,
/// <c>pageSize</c>; invoices and bills by <c>Type</c>), or one record by the reference delivery stamped into it. Items
/// without that reference are not SyncHub's and are left out, and so are deleted and voided ones, which count as missing.
/// </summary>
internal sealed partial class XeroDestination(ConnectorServices services, XeroApi api, ILogger logger)
{
    private const int MaxExternalIdChars = 200;
    private static readonly HashSet<string> Gone = new(StringComparer.OrdinalIgnoreCase) { "DELETED", "VOIDED" };

    /// <summary>The record a delivery of this body leaves at Xero; null for a type the connector does not deliver.</summary>
    public static DestinationRecord? Expect(DestinationSubject subject)
    {
        if (XeroEntities.Find(subject.EntityType) is not { } entity)
        {
            return null;
        }

        var reference = XeroReference.For(subject.SourceId, entity.ReferenceMaxLength);
        var built = XeroPayload.Build(entity, subject.Body, subject.SourceId);
        if (built.Json is not { } json)
        {
            // A body Xero would refuse is only looked for, not compared: its delivery fails before any call.
            return new DestinationRecord(entity.EntityType, reference) { Fields = new Dictionary<string, string?>() };
        }

        using var document = JsonDocument.Parse(json);
        var item = document.RootElement.GetProperty(entity.Collection)[0];
        return new DestinationRecord(entity.EntityType, reference) { Fields = XeroComparable.Fields(entity, item) };
    }

    public async Task<DestinationPage> ListAsync(DestinationQuery query, CancellationToken cancellationToken)
    {
        if (XeroEntities.Find(query.EntityType) is not { } entity)
        {
            return DestinationPage.Failed(ErrorClass.ConnectorFault, $"The Xero connector does not hold '{UntrustedText.OneLine(query.EntityType, 50)}' records.");
        }

        if (!XeroSettings.TryRead(query.Settings, out var settings, out var problem))
        {
            return DestinationPage.Failed(ErrorClass.ConnectorFault, problem);
        }

        var page = query.Cursor is { } cursor && int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        var size = Math.Clamp(query.PageSize, 1, 1000);
        var filter = entity.InvoiceType is { } type ? $"&where={Uri.EscapeDataString($"Type==\"{type}\"")}&unitdp=4" : "";
        var url = new Uri($"{settings.BaseUrl}/{entity.Collection}?page={page.ToString(CultureInfo.InvariantCulture)}&pageSize={size.ToString(CultureInfo.InvariantCulture)}{filter}");
        var since = query.ChangedFrom.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var answer = await api.SendAsync(query.IntegrationSlug, settings, () => Get(url, since), cancellationToken);
        if (!answer.IsSuccess)
        {
            var failure = XeroFaults.Classify(answer, null, services.Time.GetUtcNow());
            return DestinationPage.Failed(failure.ErrorClass, failure.Message, failure.HttpStatus, failure.RetryAfter);
        }

        if (Items(answer, entity) is not { } items)
        {
            return DestinationPage.Failed(ErrorClass.SchemaMismatch, $"Xero's answer to the listing has no {entity.Collection} array.", answer.Status);
        }

        LogListed(query.IntegrationSlug, entity.Collection, page, items.Count);
        var next = items.Count >= size ? (page + 1).ToString(CultureInfo.InvariantCulture) : null;
        return DestinationPage.Of([.. items.Select(item => Held(entity, item)).OfType<DestinationRecord>()], next);
    }

    public async Task<DestinationFetch> FetchAsync(DestinationSubject subject, CancellationToken cancellationToken)
    {
        if (XeroEntities.Find(subject.EntityType) is not { } entity)
        {
            return DestinationFetch.NotSupported();
        }

        if (!XeroSettings.TryRead(subject.Settings, out var settings, out var problem))
        {
            return DestinationFetch.Failed(ErrorClass.ConnectorFault, problem);
        }

        // page=1 makes Xero include the line items, which a plain filtered GET leaves out.
        var filter = entity.LookupFilter(XeroReference.For(subject.SourceId, entity.ReferenceMaxLength));
        var extra = entity.InvoiceType is null ? "" : "&unitdp=4";
        var url = new Uri($"{settings.BaseUrl}/{entity.Collection}?where={Uri.EscapeDataString(filter)}&page=1{extra}");
        var answer = await api.SendAsync(subject.IntegrationSlug, settings, () => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        if (!answer.IsSuccess)
        {
            var failure = XeroFaults.Classify(answer, null, services.Time.GetUtcNow());
            return DestinationFetch.Failed(failure.ErrorClass, failure.Message, failure.HttpStatus, failure.RetryAfter);
        }

        if (Items(answer, entity) is not { } items)
        {
            return DestinationFetch.Failed(ErrorClass.SchemaMismatch, $"Xero's answer to the look-up has no {entity.Collection} array.", answer.Status);
        }

        return items.Select(item => Held(entity, item)).OfType<DestinationRecord>().FirstOrDefault() is { } held
            ? DestinationFetch.Found(held)
            : DestinationFetch.NotFound();
    }

    private static HttpRequestMessage Get(Uri url, string since)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation("If-Modified-Since", since);
        return message;
    }

    private static List<JsonElement>? Items(XeroAnswer answer, XeroEntity entity)
    {
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(entity.Collection, out var items) && items.ValueKind == JsonValueKind.Array
                    ? [.. items.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).Select(item => item.Clone())]
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DestinationRecord? Held(XeroEntity entity, JsonElement item)
    {
        var reference = XeroValues.Text(item, entity.ReferenceProperty);
        var status = XeroValues.Text(item, entity == XeroEntities.Contact ? "ContactStatus" : "Status");
        if (reference is null || (status is not null && Gone.Contains(status)))
        {
            return null;
        }

        return new DestinationRecord(entity.EntityType, reference)
        {
            ExternalId = XeroJson.Text(item, entity.IdProperty, MaxExternalIdChars),
            Label = XeroComparable.Label(entity, item),
            Fields = XeroComparable.Fields(entity, item),
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Xero listing of {Collection} for {Integration}: page {Page} had {Count} items")]
    private partial void LogListed(string integration, string collection, int page, int count);
}
