using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Square;

/// <summary>
/// Keeps the member's points on the customer's loyalty account once the customer is written. The customer stays
/// written when that fails; the record fails with why, and its retry updates the customer and tries the points again.
/// </summary>
internal sealed partial class SquarePoints(ILogger logger)
{
    public async Task<DeliveryOutcome> KeepAsync(DeliveryRequest request, SquareClient client, Member member, DeliveryOutcome outcome, CancellationToken cancellationToken)
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Square keeps {Points} points for record {RecordId} of {Integration}")]
    private partial void LogPointsKept(long recordId, string integration, long points);

    [LoggerMessage(Level = LogLevel.Information, Message = "Square refused record {RecordId} of {Integration} with HTTP {HttpStatus} ({ErrorClass})")]
    private partial void LogRefused(long recordId, string integration, int httpStatus, ErrorClass errorClass);
}
