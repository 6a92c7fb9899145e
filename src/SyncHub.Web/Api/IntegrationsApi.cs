using SyncHub.Core.Integrations;
using SyncHub.Core.Queries;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

internal static class IntegrationsApi
{
    public static RouteGroupBuilder MapIntegrationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/integrations", CreateAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("CreateIntegration").WithTags("Integrations")
            .WithSummary("Create an integration")
            .WithDescription("Where records go and how: the connector, its settings (checked against the fields the connector declares), an optional Scriban mapping, field defaults and the retry policy. Settings never appear in an answer. Audited as integration.create.")
            .Accepts<CreateIntegrationRequest>("application/json")
            .Produces<IntegrationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/integrations", ListAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ListIntegrations").WithTags("Integrations")
            .WithSummary("List integrations with their record counts, breakers and connection state")
            .Produces<IReadOnlyList<IntegrationResponse>>();
        api.MapGet("/integrations/{slug}", GetAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("GetIntegration").WithTags("Integrations")
            .WithSummary("One integration's status")
            .Produces<IntegrationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IntegrationService integrations, IntegrationStatusQuery status)
    {
        var (request, error) = await JsonBody.ReadAsync<CreateIntegrationRequest>(context);
        if (error is not null)
        {
            return error;
        }

        // Audited under the key's name, as the integrations page audits its user.
        var result = await integrations.CreateAsync(request!, context.User.ToActor().Name, context.RequestAborted);
        return result.Outcome switch
        {
            CreateIntegrationOutcome.Invalid => Results.ValidationProblem(result.Errors!.ToDictionary()),
            CreateIntegrationOutcome.SlugTaken => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Slug taken", detail: $"An integration with slug '{request!.Slug}' already exists."),
            _ => Results.Created($"/api/v1/integrations/{result.Integration!.Slug}", ApiMapping.ToResponse((await status.FindAsync(result.Integration.Slug, context.RequestAborted))!)),
        };
    }

    private static async Task<IResult> ListAsync(IntegrationStatusQuery status, CancellationToken cancellationToken) =>
        Results.Ok((await status.ListAsync(cancellationToken)).Select(ApiMapping.ToResponse));

    private static async Task<IResult> GetAsync(string slug, IntegrationStatusQuery status, CancellationToken cancellationToken) =>
        await status.FindAsync(slug, cancellationToken) is { } found
            ? Results.Ok(ApiMapping.ToResponse(found))
            : NotFound(slug);

    public static IResult NotFound(string slug) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Integration not found", detail: $"No integration has the slug '{slug}'.");
}
