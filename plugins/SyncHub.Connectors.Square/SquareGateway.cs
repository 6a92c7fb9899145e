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
public sealed partial class SquareGateway : IConnectorGateway, IDestinationReader
{
    private readonly ConnectorServices _services;
    private readonly ILogger _logger;
    private readonly SquareDestination _destination;

    /// <summary>Creates the gateway; SyncHub calls this once when the plugin loads.</summary>
    public SquareGateway(ConnectorServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _logger = services.Logging.CreateLogger<SquareGateway>();
        _destination = new SquareDestination(services, _logger);
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
        var (client, member, refused) = Prepare(request);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = await DeliverCustomerAsync(request, client!, member!, cancellationToken);
        return await WithPointsAsync(request, client!, member!, outcome, cancellationToken);
    }

    private async Task<DeliveryOutcome> DeliverCustomerAsync(DeliveryRequest request, SquareClient client, Member member, CancellationToken cancellationToken)
    {
        var byReference = await client.SearchAsync("reference_id", member.ReferenceId, cancellationToken);
        if (!byReference.IsSuccess)
        {
            return Refused(request, byReference, "search customers by reference");
        }

        var referenced = byReference.Customers.Where(c => c.ReferenceId == member.ReferenceId).ToList();
        if (referenced.Count > 1)
        {
            return PotentialDuplicate(request, $"{referenced.Count} Square customers carry reference {member.ReferenceId}.", referenced);
        }

        if (referenced.Count == 1)
        {
            return await UpdateAsync(request, client, member, referenced[0], linked: false, cancellationToken);
        }

        if (!request.SkipDuplicateCheck && member.Email is { } email)
        {
            var byEmail = await client.SearchAsync("email_address", email, cancellationToken);
            if (!byEmail.IsSuccess)
            {
                return Refused(request, byEmail, "search customers by email");
            }

            var matches = SameEmail(byEmail, email);
            if (matches.Count > 1)
            {
                return PotentialDuplicate(request, $"{matches.Count} Square customers have this member's email address.", matches);
            }

            if (matches.Count == 1)
            {
                return await UpdateAsync(request, client, member, matches[0], linked: true, cancellationToken);
            }
        }

        return await CreateAsync(request, client, member, cancellationToken);
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

    /// <summary>
    /// Keeps the member's points on the customer's loyalty account once the customer is written. The customer stays
    /// written when that fails; the record fails with why, and its retry updates the customer and tries the points again.
    /// </summary>
    private async Task<DeliveryOutcome> WithPointsAsync(DeliveryRequest request, SquareClient client, Member member, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        if (!outcome.IsDelivered || member.Points is not { } points)
        {
            return outcome;
        }

        if (outcome.ExternalId is not { } customerId)
        {
            return DeliveryOutcome.Failed(ErrorClass.SchemaMismatch, $"Square saved the customer without saying its id, so {LoyaltyErrors.MembersPoints(points)} were not set.", outcome.HttpStatus);
        }

        var balance = new LoyaltyBalance(client);
        var plan = await balance.PlanAsync(customerId, member, points, cancellationToken);
        var failed = await balance.ApplyAsync(plan, request.IdempotencyKey, points, $"Balance set to {points} points by SyncHub (member {member.ReferenceId})", cancellationToken);
        if (failed is null)
        {
            LogPointsKept(request.RecordId, request.IntegrationSlug, points);
            return outcome;
        }

        LogRefused(request.RecordId, request.IntegrationSlug, failed.HttpStatus ?? 0, failed.ErrorClass);
        return LoyaltyErrors.Reworded(failed, $"Square customer {customerId} was saved, but its loyalty points were not: {failed.Message}");
    }

    private (SquareClient? Client, Member? Member, DeliveryOutcome? Refused) Prepare(DeliveryRequest request) =>
        Prepare(request.Settings, request.Body, request.SourceId);

    private (SquareClient? Client, Member? Member, DeliveryOutcome? Refused) Prepare(ConnectorSettings connection, string body, string sourceId)
    {
        var (settings, problem) = SquareSettings.Read(connection);
        if (settings is null)
        {
            return (null, null, DeliveryOutcome.Failed(ErrorClass.ConnectorFault, problem!));
        }

        var (member, problems) = MemberParser.Parse(body, sourceId);
        if (member is null)
        {
            var fields = string.Join(", ", problems.Select(p => p.Field).Distinct());
            return (null, null, DeliveryOutcome.Invalid($"The member cannot be sent to Square: check {fields}.", problems));
        }

        return (new SquareClient(_services.Http, _services.Time, settings), member, null);
    }

    private static List<SquareCustomer> SameEmail(SquareResponse response, string email) =>
        [.. response.Customers.Where(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase))];
}
