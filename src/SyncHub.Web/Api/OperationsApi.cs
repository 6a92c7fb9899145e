using SyncHub.Core.Operations;

namespace SyncHub.Web.Api;

internal static class OperationsApi
{
    public static RouteGroupBuilder MapOperationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/operations/{id:guid}", GetAsync);
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, RetryOperationService operations, CancellationToken cancellationToken) =>
        await operations.FindAsync(id, cancellationToken) is { } operation
            ? Results.Ok(ApiMapping.ToResponse(operation))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Operation not found", detail: $"No operation has the id {id}.");
}
