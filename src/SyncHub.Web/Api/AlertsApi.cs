using SyncHub.Core.Alerts;
using SyncHub.Core.Validation;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>Alerts as the alerts page lists them, and acknowledging one (audited as alert.acknowledge).</summary>
internal static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", ListAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ListAlerts").WithTags("Alerts")
            .WithSummary("Open alerts (all of them, newest first) or resolved ones by page")
            .Produces<AlertListResponse>()
            .ProducesValidationProblem();
        api.MapPost("/alerts/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("AcknowledgeAlert").WithTags("Alerts")
            .WithSummary("Say someone is on an open alert; it keeps counting and still resolves itself")
            .WithDescription("Acknowledging an acknowledged alert changes nothing and answers it as it is; a resolved alert is a 409. The body (an optional note) may be left out.")
            .Accepts<AcknowledgeRequest>(isOptional: true, "application/json")
            .Produces<AlertResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(string? status, string? page, AlertsQuery alerts, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (status is not (null or "open" or "resolved"))
        {
            errors.Add("status", "must be \"open\" or \"resolved\".");
        }

        var number = QueryValues.Int(errors, page, "page", 1, 100_000) ?? 1;
        if (QueryValues.Problem(errors) is { } invalid)
        {
            return invalid;
        }

        if (status != "resolved")
        {
            var open = await alerts.OpenAsync(cancellationToken);
            return Results.Ok(new AlertListResponse([.. open.Select(ToResponse)], open.Count, null));
        }

        var (resolved, total) = await alerts.ResolvedAsync(number, cancellationToken);
        return Results.Ok(new AlertListResponse([.. resolved.Select(ToResponse)], total, number * AlertsQuery.PageSize < total ? number + 1 : null));
    }

    private static async Task<IResult> AcknowledgeAsync(long id, HttpContext context, AlertAcknowledgement acknowledgement)
    {
        AcknowledgeRequest? request = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            (request, var error) = await JsonBody.ReadAsync<AcknowledgeRequest>(context);
            if (error is not null)
            {
                return error;
            }
        }

        var result = await acknowledgement.AcknowledgeAsync(id, context.User.ToActor().Name, request?.Note, context.RequestAborted);
        return result.Outcome switch
        {
            AcknowledgeOutcome.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Alert not found", detail: $"No alert has the id {id}."),
            AcknowledgeOutcome.Invalid => JsonBody.Invalid("note", $"must be at most {AlertAcknowledgement.MaxNoteLength} characters."),
            AcknowledgeOutcome.Resolved => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Alert resolved",
                detail: "This alert has resolved itself; there is nothing left to acknowledge."),
            _ => Results.Ok(ToResponse(result.Alert!)),
        };
    }

    private static AlertResponse ToResponse(Alert alert) => new(
        alert.Id, alert.Rule, alert.Subject, alert.IntegrationId is null ? null : alert.Subject.Split(':')[0], alert.Status, alert.Title, alert.Detail,
        alert.OpenedAt, alert.UpdatedAt, alert.ResolvedAt, alert.Occurrences, alert.AcknowledgedAt, alert.AcknowledgedBy, alert.AcknowledgeNote);
}
