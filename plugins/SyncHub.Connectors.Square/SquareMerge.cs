using System.Text.Json.Nodes;

namespace SyncHub.Connectors.Square;

/// <summary>
/// Square's side of a merge of members: before anything changes, that the token may do what the merge needs and the
/// survivor can hold the combined points; then the points of the customers merged away set to zero, since the survivor
/// is given their sum.
/// </summary>
internal sealed class SquareMerge(SquareClient client)
{
    private const string LinkScope = "CUSTOMERS_WRITE";
    private static readonly string[] PointScopes = ["LOYALTY_READ", "LOYALTY_WRITE"];

    public async Task<MergeCheckResult> CheckAsync(MergeRequest request, Member member, CancellationToken cancellationToken)
    {
        var status = await new SquareLoyaltyApi(client).TokenStatusAsync(cancellationToken);
        if (!status.IsSuccess)
        {
            return MergeCheckResult.Refuse(HttpErrorClassifier.Classify(status.Status), SquareErrors.Message(status, "tell the access token's permissions"));
        }

        string[] needed = member.Points is null ? [LinkScope] : [LinkScope, .. PointScopes];
        if (Scopes(status.Json) is { } granted && needed.Where(s => !granted.Contains(s)).ToList() is { Count: > 0 } missing)
        {
            var points = member.Points is { } total ? $" (it gives the surviving customer the combined {total:N0} points)" : "";
            var leaveOut = member.Points is null ? "" : ", or leave points out of the mapping";
            return MergeCheckResult.Refuse(ErrorClass.Authorization,
                $"Square's access token lacks the {string.Join(" and ", missing)} permission{(missing.Count > 1 ? "s" : "")} this merge needs{points}. " +
                $"Grant {(missing.Count > 1 ? "them" : "it")} to the token{leaveOut}, then merge again.");
        }

        if (member.Points is { } combined)
        {
            var plan = await new LoyaltyBalance(client).PlanAsync(request.SurvivorExternalId, member, combined, cancellationToken);
            if (plan.Refused is { } refused)
            {
                return MergeCheckResult.Refuse(refused.ErrorClass, refused.Message ?? "Square cannot keep the member's points.");
            }
        }

        return MergeCheckResult.Allow();
    }

    public async Task<DeliveryOutcome> TransferAsync(MergeRequest request, Member member, CancellationToken cancellationToken)
    {
        if (member.Points is null || request.MergedExternalIds.Count == 0)
        {
            return DeliveryOutcome.Delivered();
        }

        var reason = $"Merged into Square customer {request.SurvivorExternalId} (member {member.ReferenceId}) by SyncHub";
        var failed = await new LoyaltyBalance(client).ClearAsync(request.MergedExternalIds, request.IdempotencyKey, reason, cancellationToken);
        return failed is null ? DeliveryOutcome.Delivered() : LoyaltyErrors.Reworded(failed, "The merged customers' points could not be taken off them: " + failed.Message);
    }

    // Null when Square's answer does not list them: the calls themselves then say what is missing.
    private static HashSet<string>? Scopes(JsonNode? json) =>
        json?["scopes"] is JsonArray scopes
            ? [.. scopes.OfType<JsonValue>().Select(s => s.TryGetValue<string>(out var scope) ? scope : null).OfType<string>()]
            : null;
}
