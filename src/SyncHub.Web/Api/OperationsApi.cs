using SyncHub.Core.Operations;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

internal static class OperationsApi
{
    public static RouteGroupBuilder MapOperationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/operations/{id:guid}", GetAsync).RequireAuthorization(Policies.ApiFull);
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, RetryOperationService operations, CancellationToken cancellationToken) =>
        await operations.FindAsync(id, cancellationToken) is { } operation
            ? Results.Ok(ApiMapping.ToResponse(operation))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Operation not found", detail: $"No operation has the id {id}.");
}
