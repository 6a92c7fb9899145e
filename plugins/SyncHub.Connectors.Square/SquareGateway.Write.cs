using SyncHub.Connectors;

namespace SyncHub.Connectors.Square;

public sealed partial class SquareGateway
{
    private const int MaxCandidateText = 200;

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
            var candidates = byEmail.IsSuccess ? SameEmail(byEmail, email) : [];
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

        var id = UntrustedText.OneLine(updated.Customer?.Id ?? customer.Id, MaxCandidateText);
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
        return DeliveryOutcome.PotentialDuplicate(message, [.. customers.Select(Candidate)]);
    }

    private static DuplicateCandidate Candidate(SquareCustomer customer)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(fields, "email", customer.Email);
        Add(fields, "phone", customer.Phone);
        Add(fields, "reference_id", customer.ReferenceId);
        Add(fields, "created_at", customer.CreatedAt);
        Add(fields, "note", customer.Note);
        return new DuplicateCandidate(UntrustedText.OneLine(customer.Id, MaxCandidateText), UntrustedText.OneLine(customer.DisplayName, MaxCandidateText))
        {
            Fields = fields,
        };
    }

    private static void Add(Dictionary<string, string> fields, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            fields[name] = UntrustedText.OneLine(value, MaxCandidateText);
        }
    }
}
