using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Square;

/// <summary>
/// Writes a member to its Square customer: the one carrying its <c>reference_id</c> is updated; otherwise one customer
/// with the same email is linked, several are possible duplicates, and none means the customer is created.
/// </summary>
internal sealed partial class SquareCustomerWriter(ILogger logger)
{
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, SquareClient client, Member member, CancellationToken cancellationToken)
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

            var matches = SquareCandidates.SameEmail(byEmail, email);
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

    /// <summary>Writes the member's reference and fields into the customer an administrator chose (UpdateCustomer).</summary>
    public async Task<DeliveryOutcome> LinkAsync(DeliveryRequest request, SquareClient client, Member member, string externalId, CancellationToken cancellationToken)
    {
        var updated = await client.UpdateAsync(externalId, member, version: null, cancellationToken);
        if (!updated.IsSuccess)
        {
            return Refused(request, updated, $"update customer {UntrustedText.OneLine(externalId, 100)}");
        }

        LogDelivered(request.RecordId, request.IntegrationSlug, "linked", updated.Status);
        return DeliveryOutcome.Linked(externalId, $"Linked to Square customer {UntrustedText.OneLine(externalId, 100)} as an administrator chose", updated.Status);
    }

    private async Task<DeliveryOutcome> CreateAsync(DeliveryRequest request, SquareClient client, Member member, CancellationToken cancellationToken)
    {
        var created = await client.CreateAsync(member, request.IdempotencyKey, cancellationToken);
        if (created.IsSuccess)
        {
            LogDelivered(request.RecordId, request.IntegrationSlug, "created", created.Status);
            return DeliveryOutcome.Delivered(created.Customer?.Id, created.Status);
        }

        // Square says the customer exists: if the email finds who, an administrator picks; otherwise it is a conflict.
        if (created.Status == 409 && !request.SkipDuplicateCheck && member.Email is { } email)
        {
            var byEmail = await client.SearchAsync("email_address", email, cancellationToken);
            var candidates = byEmail.IsSuccess ? SquareCandidates.SameEmail(byEmail, email) : [];
            if (candidates.Count > 0)
            {
                return PotentialDuplicate(request, "Square refused to create the customer as a conflict; these customers have its email address.", candidates);
            }
        }

        return Refused(request, created, "create the customer");
    }

    private async Task<DeliveryOutcome> UpdateAsync(
        DeliveryRequest request, SquareClient client, Member member, SquareCustomer customer, bool linked, CancellationToken cancellationToken)
    {
        var updated = await client.UpdateAsync(customer.Id, member, customer.Version, cancellationToken);
        if (!updated.IsSuccess)
        {
            return Refused(request, updated, $"update customer {UntrustedText.OneLine(customer.Id, 100)}");
        }

        var id = UntrustedText.OneLine(updated.Customer?.Id ?? customer.Id, SquareCandidates.MaxText);
        LogDelivered(request.RecordId, request.IntegrationSlug, linked ? "linked" : "updated", updated.Status);
        return linked
            ? DeliveryOutcome.Linked(id, $"Linked to existing Square customer {id} by email", updated.Status)
            : DeliveryOutcome.Delivered(id, updated.Status);
    }

    private DeliveryOutcome Refused(DeliveryRequest request, SquareResponse response, string doing)
    {
        var outcome = SquareErrors.ToOutcome(response, doing);
        LogRefused(request.RecordId, request.IntegrationSlug, response.Status, outcome.ErrorClass);
        return outcome;
    }

    private DeliveryOutcome PotentialDuplicate(DeliveryRequest request, string message, IReadOnlyList<SquareCustomer> customers)
    {
        LogPotentialDuplicate(request.RecordId, request.IntegrationSlug, customers.Count);
        return DeliveryOutcome.PotentialDuplicate(message, [.. customers.Select(SquareCandidates.Of)]);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Square {Action} the customer of record {RecordId} of {Integration} with HTTP {HttpStatus}")]
    private partial void LogDelivered(long recordId, string integration, string action, int httpStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Square refused record {RecordId} of {Integration} with HTTP {HttpStatus} ({ErrorClass})")]
    private partial void LogRefused(long recordId, string integration, int httpStatus, ErrorClass errorClass);

    [LoggerMessage(Level = LogLevel.Information, Message = "Square holds {Count} possible duplicates of record {RecordId} of {Integration}")]
    private partial void LogPotentialDuplicate(long recordId, string integration, int count);
}
