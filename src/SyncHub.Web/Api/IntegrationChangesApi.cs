using System.Text.Json;
using SyncHub.Core.Integrations;
using SyncHub.Core.Mapping;
using SyncHub.Core.Plugins;
using SyncHub.Core.Queries;
using SyncHub.Core.Validation;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>Changing an integration's set-up and mapping, and deleting it: the integration pages' services, audited the same way.</summary>
internal static class IntegrationChangesApi
{
    public static RouteGroupBuilder MapIntegrationChangesApi(this RouteGroupBuilder api)
    {
        api.MapPatch("/integrations/{slug}", UpdateAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("UpdateIntegration").WithTags("Integrations")
            .WithSummary("Change an integration's name, settings, retry policy, duplicate detection or automatic fixes")
            .WithDescription("Fields left out keep their value. Settings are checked against the connector's declared fields; a secret left out keeps the stored one, a secret set to null is cleared. New settings on an expired connection count as re-authorised. Audited as integration.update.")
            .Accepts<UpdateIntegrationBody>("application/json")
            .Produces<IntegrationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/integrations/{slug}/mapping", GetMappingAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("GetMapping").WithTags("Integrations")
            .WithSummary("An integration's mapping: default template, templates per entity type and field defaults")
            .Produces<MappingResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/integrations/{slug}/mapping", SaveMappingAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("SaveMapping").WithTags("Integrations")
            .WithSummary("Replace an integration's mapping (Scriban templates, checked before saving) and field defaults")
            .WithDescription("Errors name mapping, mappingTemplates.<entity type> or mappingDefaults. Audited as integration.mapping.")
            .Accepts<MappingBody>("application/json")
            .Produces<MappingResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/integrations/{slug}", DeleteAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("DeleteIntegration").WithTags("Integrations")
            .WithSummary("Delete a paused integration with its records, their history, its runs and reviews")
            .WithDescription("Pause it first (409 otherwise); 409 also while one of its records is in flight, queued by a retry operation, or a run is running. The audit log keeps an integration.delete entry.")
            .Produces<DeleteIntegrationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> UpdateAsync(
        string slug, HttpContext context, IntegrationService integrations, IConnectorCatalog catalog, IntegrationStatusQuery status)
    {
        var (body, error) = await JsonBody.ReadAsync<UpdateIntegrationBody>(context);
        if (error is not null)
        {
            return error;
        }

        if (await integrations.FindAsync(slug, context.RequestAborted) is not { } integration)
        {
            return IntegrationsApi.NotFound(slug);
        }

        var errors = new FieldErrors();
        var fields = catalog.Find(integration.Connector)?.Info.Settings ?? [];
        var request = IntegrationSettingsPatch.ToRequest(body!, integration, integrations.StoredSettings(integration), fields, errors);
        var invalid = request is null ? errors : await integrations.UpdateAsync(slug, request, Actor(context), context.RequestAborted);
        if (invalid is not null)
        {
            return Results.ValidationProblem(invalid.ToDictionary());
        }

        return Results.Ok(ApiMapping.ToResponse((await status.FindAsync(slug, context.RequestAborted))!));
    }

    private static async Task<IResult> GetMappingAsync(string slug, IntegrationService integrations, CancellationToken cancellationToken) =>
        await integrations.FindAsync(slug, cancellationToken) is { } integration
            ? Results.Ok(MappingOf(integration))
            : IntegrationsApi.NotFound(slug);

    private static async Task<IResult> SaveMappingAsync(string slug, HttpContext context, IntegrationService integrations)
    {
        var (body, error) = await JsonBody.ReadAsync<MappingBody>(context);
        if (error is not null)
        {
            return error;
        }

        if (await integrations.FindAsync(slug, context.RequestAborted) is null)
        {
            return IntegrationsApi.NotFound(slug);
        }

        var defaults = body!.MappingDefaults is { ValueKind: not JsonValueKind.Null } given ? given.GetRawText() : null;
        var request = new MappingRequest(body.Mapping, body.MappingTemplates ?? new Dictionary<string, string?>(), defaults);
        if (await integrations.SaveMappingAsync(slug, request, Actor(context), context.RequestAborted) is { } invalid)
        {
            // The service speaks of the mapping page's fields; the API names them as the create call does.
            return Results.ValidationProblem(invalid.ToDictionary().ToDictionary(
                e => e.Key == "template" ? "mapping" : e.Key.StartsWith("templates", StringComparison.Ordinal) ? "mappingTemplates" + e.Key["templates".Length..] : e.Key,
                e => e.Value, StringComparer.Ordinal));
        }

        return Results.Ok(MappingOf((await integrations.FindAsync(slug, context.RequestAborted))!));
    }

    private static async Task<IResult> DeleteAsync(string slug, HttpContext context, IntegrationRemoval removal)
    {
        var result = await removal.RemoveAsync(slug, Actor(context), context.RequestAborted);
        return result.Outcome switch
        {
            RemoveIntegrationOutcome.NotFound => IntegrationsApi.NotFound(slug),
            RemoveIntegrationOutcome.Removed => Results.Ok(new DeleteIntegrationResponse(slug, result.Records)),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The integration cannot be deleted now", detail: result.Message),
        };
    }

    private static MappingResponse MappingOf(Data.Entities.Integration integration)
    {
        JsonElement? defaults = null;
        if (integration.MappingDefaultsJson is { } json)
        {
            using var document = JsonDocument.Parse(json);
            defaults = document.RootElement.Clone();
        }

        return new MappingResponse(integration.Slug, integration.MappingTemplate, MappingTemplates.All(integration.MappingTemplatesJson), defaults);
    }

    private static string Actor(HttpContext context) => context.User.ToActor().Name;
}
