using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Square;

/// <summary>
/// Reads Square for reconciliation: customers updated since a time (SearchCustomers with an <c>updated_at</c> filter,
/// oldest first, by cursor), or one member by its <c>reference_id</c>. Customers without a <c>reference_id</c> are not
/// SyncHub's members and are left out.
/// </summary>
internal sealed partial class SquareDestination(ConnectorServices services, ILogger logger)
{
    public const string EntityType = "customer";

    public static DestinationRecord Expect(DestinationSubject subject)
    {
        var (member, _) = MemberParser.Parse(subject.Body, subject.SourceId);
        return member is null
            ? new DestinationRecord(subject.EntityType, SquareComparable.Reference(subject.Body, subject.SourceId)) { Fields = new Dictionary<string, string?>() }
            : new DestinationRecord(subject.EntityType, member.ReferenceId) { Fields = SquareComparable.Of(member) };
    }

    public async Task<DestinationPage> ListAsync(DestinationQuery query, CancellationToken cancellationToken)
    {
        var (settings, problem) = SquareSettings.Read(query.Settings);
        if (settings is null)
        {
            return DestinationPage.Failed(ErrorClass.ConnectorFault, problem!);
        }

        var client = new SquareClient(services.Http, services.Time, settings);
        var found = await client.SearchUpdatedSinceAsync(query.ChangedFrom, query.Cursor, Math.Clamp(query.PageSize, 1, 100), cancellationToken);
        LogListed(query.IntegrationSlug, found.Status);
        if (!found.IsSuccess)
        {
            return DestinationPage.Failed(HttpErrorClassifier.Classify(found.Status), SquareErrors.Message(found, "search customers by update time"),
                found.Status, found.RetryAfter);
        }

        return DestinationPage.Of([.. found.Customers.Where(c => !string.IsNullOrWhiteSpace(c.ReferenceId)).Select(Held)], found.Cursor);
    }

    public async Task<DestinationFetch> FetchAsync(DestinationSubject subject, CancellationToken cancellationToken)
    {
        var (settings, problem) = SquareSettings.Read(subject.Settings);
        if (settings is null)
        {
            return DestinationFetch.Failed(ErrorClass.ConnectorFault, problem!);
        }

        var reference = Expect(subject).Reference;
        var client = new SquareClient(services.Http, services.Time, settings);
        var found = await client.SearchAsync("reference_id", reference, cancellationToken);
        if (!found.IsSuccess)
        {
            return DestinationFetch.Failed(HttpErrorClassifier.Classify(found.Status), SquareErrors.Message(found, "search customers by reference"),
                found.Status, found.RetryAfter);
        }

        return found.Customers.FirstOrDefault(c => c.ReferenceId == reference) is { } customer ? DestinationFetch.Found(Held(customer)) : DestinationFetch.NotFound();
    }

    private static DestinationRecord Held(SquareCustomer customer) => new(EntityType, UntrustedText.OneLine(customer.ReferenceId, 255))
    {
        ExternalId = UntrustedText.OneLine(customer.Id, 200),
        Label = UntrustedText.OneLine(customer.DisplayName, 200),
        Fields = SquareComparable.Of(customer),
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Square reconciliation listing for {Integration} answered HTTP {HttpStatus}")]
    private partial void LogListed(string integration, int httpStatus);
}
