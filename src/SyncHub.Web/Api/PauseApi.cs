using SyncHub.Core.Integrations;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>Pause and resume an integration (full-scope key); audited under the key's name.</summary>
internal static class PauseApi
{
    public static RouteGroupBuilder MapPauseApi(this RouteGroupBuilder api)
    {
        api.MapPost("/integrations/{slug}/pause", PauseAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("PauseIntegration").WithTags("Integrations")
            .WithSummary("Pause an integration: its records queue and nothing is sent or started until it is resumed")
            .Accepts<PauseRequest>(isOptional: true, "application/json")
            .Produces<PauseResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/integrations/{slug}/resume", ResumeAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ResumeIntegration").WithTags("Integrations")
            .WithSummary("Resume a paused integration")
            .Produces<PauseResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> PauseAsync(string slug, HttpContext context, IntegrationService integrations, IntegrationPauseService pauses)
    {
        PauseRequest? request = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            (request, var error) = await JsonBody.ReadAsync<PauseRequest>(context);
            if (error is not null)
            {
                return error;
            }
        }

        if (await integrations.FindAsync(slug, context.RequestAborted) is not { } integration)
        {
            return IntegrationsApi.NotFound(slug);
        }

        await pauses.PauseAsync(integration.Id, request?.Reason, context.User.ToActor().Name, context.RequestAborted);
        return Results.Ok(await StateAsync(slug, integrations, context.RequestAborted));
    }

    private static async Task<IResult> ResumeAsync(string slug, HttpContext context, IntegrationService integrations, IntegrationPauseService pauses)
    {
        if (await integrations.FindAsync(slug, context.RequestAborted) is not { } integration)
        {
            return IntegrationsApi.NotFound(slug);
        }

        await pauses.ResumeAsync(integration.Id, context.User.ToActor().Name, context.RequestAborted);
        return Results.Ok(await StateAsync(slug, integrations, context.RequestAborted));
    }

    private static async Task<PauseResponse> StateAsync(string slug, IntegrationService integrations, CancellationToken cancellationToken)
    {
        var integration = (await integrations.FindAsync(slug, cancellationToken))!;
        return new PauseResponse(slug, integration.PausedAt is not null, integration.PausedAt, integration.PausedBy, integration.PauseReason);
    }
}
