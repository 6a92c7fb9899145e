using SyncHub.Core.Failures;
using SyncHub.Core.Integrations;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>Dismiss, archive and restore an integration's records by id; the API key's name goes into the audit log.</summary>
internal static class RecordActionsApi
{
    public static RouteGroupBuilder MapRecordActionsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/integrations/{slug}/records/dismiss", DismissAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("DismissRecords").WithTags("Records")
            .WithSummary("Dismiss failed, dead-letter or in-review records with a reason (audited)")
            .Accepts<DismissRequest>("application/json")
            .Produces<RecordActionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/integrations/{slug}/records/archive", ArchiveAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ArchiveRecords").WithTags("Records")
            .WithSummary("Take settled records out of the active lists and automatic retries, history kept (audited)")
            .Accepts<RecordIdsRequest>("application/json")
            .Produces<RecordActionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/integrations/{slug}/records/restore", RestoreAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("RestoreRecords").WithTags("Records")
            .WithSummary("Bring archived records back (audited)")
            .Accepts<RecordIdsRequest>("application/json")
            .Produces<RecordActionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> DismissAsync(string slug, HttpContext context, IntegrationService integrations, RecordActionService actions)
    {
        var (request, error) = await JsonBody.ReadAsync<DismissRequest>(context);
        return error ?? await RunAsync(slug, request!.Ids, context, integrations, (id, actor, token) => actions.DismissAsync(request.Ids, request.Reason, actor, id, token));
    }

    private static async Task<IResult> ArchiveAsync(string slug, HttpContext context, IntegrationService integrations, RecordActionService actions)
    {
        var (request, error) = await JsonBody.ReadAsync<RecordIdsRequest>(context);
        return error ?? await RunAsync(slug, request!.Ids, context, integrations, (id, actor, token) => actions.ArchiveAsync(request.Ids, actor, id, token));
    }

    private static async Task<IResult> RestoreAsync(string slug, HttpContext context, IntegrationService integrations, RecordActionService actions)
    {
        var (request, error) = await JsonBody.ReadAsync<RecordIdsRequest>(context);
        return error ?? await RunAsync(slug, request!.Ids, context, integrations, (id, actor, token) => actions.RestoreAsync(request.Ids, actor, id, token));
    }

    private static async Task<IResult> RunAsync(
        string slug, long[]? ids, HttpContext context, IntegrationService integrations, Func<int, string, CancellationToken, Task<RecordActionResult>> action)
    {
        var integration = await integrations.FindAsync(slug, context.RequestAborted);
        if (integration is null)
        {
            return IntegrationsApi.NotFound(slug);
        }

        var result = await action(integration.Id, context.User.ToActor().Name, context.RequestAborted);
        if (!result.IsValid)
        {
            return Results.ValidationProblem(result.Errors!.ToDictionary());
        }

        return Results.Ok(new RecordActionResponse(result.Changed, [.. ids!.Distinct().Except(result.Changed)]));
    }
}
