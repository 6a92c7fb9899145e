using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Square;

/// <summary>
/// Searches Square for a customer whose <c>reference_id</c> is the record's source id. A look-up has no body, so a
/// mapping whose <c>memberNumber</c> differs from the source id is only found by the delivery's own search.
/// </summary>
internal sealed partial class SquareLookup(ConnectorServices services, ILogger logger)
{
    public async Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        var (settings, problem) = SquareSettings.Read(request.Settings);
        if (settings is null)
        {
            return LookupOutcome.Failed(ErrorClass.ConnectorFault, problem!);
        }

        var client = new SquareClient(services.Http, services.Time, settings);
        var found = await client.SearchAsync("reference_id", request.SourceId, cancellationToken);
        LogLookedUp(request.RecordId, request.IntegrationSlug, found.Status);
        if (!found.IsSuccess)
        {
            return LookupOutcome.Failed(HttpErrorClassifier.Classify(found.Status), SquareErrors.Message(found, "search customers by reference"), found.Status);
        }

        var customer = found.Customers.FirstOrDefault(c => c.ReferenceId == request.SourceId);
        return customer is null ? LookupOutcome.NotFound() : LookupOutcome.Found(UntrustedText.OneLine(customer.Id, 200));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Square look-up of record {RecordId} of {Integration} answered HTTP {HttpStatus}")]
    private partial void LogLookedUp(long recordId, string integration, int httpStatus);
}
