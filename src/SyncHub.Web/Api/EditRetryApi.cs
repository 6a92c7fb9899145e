using Microsoft.AspNetCore.Mvc;
using SyncHub.Core.Failures;
using SyncHub.Core.Integrations;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>Edit and retry: a corrected payload for one record, saved as a new version and delivered at once.</summary>
internal static class EditRetryApi
{
    public static RouteGroupBuilder MapEditRetryApi(this RouteGroupBuilder api)
    {
        api.MapPost("/integrations/{slug}/records/{id:long}/edit-retry", EditRetryAsync)
            .RequireAuthorization(Policies.ApiFull)
            .WithMetadata(new RequestSizeLimitAttribute(RecordsApi.MaxIngestBytes))
            .WithName("EditAndRetryRecord").WithTags("Records")
            .WithSummary("Replace a failed, dead-letter, skipped or in-review record's payload with a new version and deliver it at once")
            .WithDescription("payloadVersion, when given, must be the version you edited, else 409; 409 also while the record is being delivered or is delivered, waiting or dismissed. Audited as record.edit-retry.")
            .Accepts<EditRetryRequest>("application/json")
            .Produces<EditRetryResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> EditRetryAsync(string slug, long id, HttpContext context, IntegrationService integrations, EditAndRetryService edits)
    {
        var (request, error) = await JsonBody.ReadAsync<EditRetryRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var integration = await integrations.FindAsync(slug, context.RequestAborted);
        if (integration is null)
        {
            return IntegrationsApi.NotFound(slug);
        }

        var actor = context.User.ToActor().Name;
        var result = await edits.EditAndRetryAsync(
            new EditAndRetryRequest(id, request!.Payload?.GetRawText(), actor) { IntegrationId = integration.Id, ExpectedVersion = request.PayloadVersion },
            context.RequestAborted);
        return result.Outcome switch
        {
            EditAndRetryOutcome.Invalid => Results.ValidationProblem(result.Errors!.ToDictionary()),
            EditAndRetryOutcome.NotFound => Results.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Record not found", detail: $"Integration '{slug}' has no record with the id {id}."),
            EditAndRetryOutcome.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The record cannot be edited now", detail: result.Message),
            _ => Results.Ok(new EditRetryResponse(id, result.PayloadVersion, result.Status!.Value, result.Message)),
        };
    }
}
