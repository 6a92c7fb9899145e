using SyncHub.Core.Failures;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Integrations;
using SyncHub.Core.Operations;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>
/// The failed (or dead-letter) queue grouped by cause, and the group actions: retry (a Retry All over the group,
/// 202 with the operation) and dismiss with a reason (one audit entry for the group).
/// </summary>
internal static class FailureGroupsApi
{
    public static RouteGroupBuilder MapFailureGroupsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/failure-groups", ListAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ListFailureGroups").WithTags("Failure groups")
            .WithSummary("Failed (or dead-letter) records grouped by cause: integration, error class and normalised message")
            .Produces<IReadOnlyList<FailureGroupResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/failure-groups/{fingerprint}/retry", RetryAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("RetryFailureGroup").WithTags("Failure groups")
            .WithSummary("Retry a group: a Retry All over just its records, with the same canary, progress and cancel")
            .Produces<OperationAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/failure-groups/{fingerprint}/dismiss", DismissAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("DismissFailureGroup").WithTags("Failure groups")
            .WithSummary("Dismiss every record of a group with one reason and one audit entry")
            .Accepts<DismissGroupRequest>("application/json")
            .Produces<DismissGroupResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>?integration= narrows to one integration; ?queue=dead-letter groups the dead-letter queue instead.</summary>
    private static async Task<IResult> ListAsync(string? integration, string? queue, HttpContext context, IntegrationService integrations, FailureGroupsQuery groups)
    {
        var status = Queue(queue);
        if (status is null)
        {
            return JsonBody.Invalid("queue", "must be \"failed\" or \"dead-letter\".");
        }

        int? integrationId = null;
        if (!string.IsNullOrEmpty(integration))
        {
            var found = await integrations.FindAsync(integration, context.RequestAborted);
            if (found is null)
            {
                return IntegrationsApi.NotFound(integration);
            }

            integrationId = found.Id;
        }

        var list = await groups.ListAsync(integrationId, status.Value, context.RequestAborted);
        return Results.Ok(list.Select(g => new FailureGroupResponse(
            g.Fingerprint, g.IntegrationSlug, g.ErrorClass, g.Count, g.FirstSeen, g.LastSeen, g.SampleRecordId, g.SampleMessage, g.Pattern)).ToList());
    }

    /// <summary>?queue=dead-letter retries the group's dead letters instead of its failed records.</summary>
    private static async Task<IResult> RetryAsync(string fingerprint, string? queue, HttpContext context, RetryOperationService operations)
    {
        var status = Queue(queue);
        if (status is null)
        {
            return JsonBody.Invalid("queue", "must be \"failed\" or \"dead-letter\".");
        }

        if (fingerprint.Length > ErrorFingerprint.Length)
        {
            return NotFound(fingerprint);
        }

        var scope = status == RecordStatus.DeadLetter ? RetryScope.DeadLetterGroup(fingerprint) : RetryScope.Group(fingerprint);
        var operation = await operations.StartInBackgroundAsync(scope, context.User.ToActor().Name, context.RequestAborted);
        return operation.Total == 0
            ? NotFound(fingerprint)
            : Results.Accepted($"/api/v1/operations/{operation.Id}", new OperationAcceptedResponse(operation.Id, operation.Total));
    }

    /// <summary>?queue=dead-letter dismisses the group's dead letters instead of its failed records.</summary>
    private static async Task<IResult> DismissAsync(string fingerprint, string? queue, HttpContext context, GroupDismissal groups)
    {
        if (Queue(queue) is not { } status)
        {
            return JsonBody.Invalid("queue", "must be \"failed\" or \"dead-letter\".");
        }

        var (request, error) = await JsonBody.ReadAsync<DismissGroupRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var result = await groups.DismissGroupAsync(fingerprint, request!.Reason, context.User.ToActor().Name, null, status, context.RequestAborted);
        if (!result.IsValid)
        {
            return Results.ValidationProblem(result.Errors!.ToDictionary());
        }

        return result.Dismissed == 0 ? NotFound(fingerprint) : Results.Ok(new DismissGroupResponse(fingerprint, result.Dismissed));
    }

    private static IResult NotFound(string fingerprint) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Failure group not found",
        detail: $"No records of that queue have the fingerprint '{fingerprint}'.");

    /// <summary>The queue a request names: failed (the default) or dead-letter; null for anything else.</summary>
    private static RecordStatus? Queue(string? queue) => queue switch
    {
        null or "" or "failed" => RecordStatus.Failed,
        "dead-letter" => RecordStatus.DeadLetter,
        _ => null,
    };
}
