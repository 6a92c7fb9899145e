using SyncHub.Core.Operations;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

internal static class OperationsApi
{
    public static RouteGroupBuilder MapOperationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/operations/{id:guid}", GetAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("GetOperation").WithTags("Operations")
            .WithSummary("A retry operation's progress: running, completed, cancelled or stopped (by its canary)")
            .Produces<OperationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/operations/{id:guid}/cancel", CancelAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("CancelOperation").WithTags("Operations")
            .WithSummary("Cancel a running operation: the batch in flight finishes, the records not reached are released unchanged")
            .Produces<OperationResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>202 with the cancelled operation; 409 when it had already ended (a second cancel included).</summary>
    private static async Task<IResult> CancelAsync(Guid id, HttpContext context, RetryOperationService operations)
    {
        var actor = context.User.ToActor().Name;
        var result = await operations.CancelAsync(id, actor, context.RequestAborted);
        return result switch
        {
            { Operation: null } => NotFound(id),
            { Cancelled: true } => Results.Accepted($"/api/v1/operations/{id}", ApiMapping.ToResponse(result.Operation)),
            _ => Results.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Operation already ended",
                detail: $"The operation is {result.Operation.Status.ToString().ToLowerInvariant()}; there is nothing left to cancel."),
        };
    }

    private static IResult NotFound(Guid id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Operation not found", detail: $"No operation has the id {id}.");

    private static async Task<IResult> GetAsync(Guid id, RetryOperationService operations, CancellationToken cancellationToken) =>
        await operations.FindAsync(id, cancellationToken) is { } operation
            ? Results.Ok(ApiMapping.ToResponse(operation))
            : NotFound(id);
}
