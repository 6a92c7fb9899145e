using System.Globalization;
using SyncHub.Core.Integrations;
using SyncHub.Core.Reconciliation;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>Reconciliations: start one, list and read them and their differences, resync the gaps, cancel.</summary>
internal static class ReconcileApi
{
    public static RouteGroupBuilder MapReconcileApi(this RouteGroupBuilder api)
    {
        api.MapPost("/integrations/{slug}/reconciliations", StartAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("StartReconciliation").WithTags("Reconciliations")
            .WithSummary("Compare an integration's records of a date range with its destination (runs in the background)")
            .Accepts<StartReconcileRequest>("application/json")
            .Produces<ReconcileResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/integrations/{slug}/reconciliations", ListAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ListReconciliations").WithTags("Reconciliations")
            .WithSummary("An integration's reconciliations, newest first, keyset-paged")
            .Produces<ReconcileListResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/reconciliations/{id:long}", GetAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("GetReconciliation").WithTags("Reconciliations")
            .WithSummary("A reconciliation with its counts and its resync's progress")
            .Produces<ReconcileResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/reconciliations/{id:long}/differences", DifferencesAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ListReconciliationDifferences").WithTags("Reconciliations")
            .WithSummary("The records that differ (missing, different, extra, not compared), with what differs, keyset-paged")
            .Produces<DifferenceListResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/reconciliations/{id:long}/resync", ResyncAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ResyncReconciliation").WithTags("Reconciliations")
            .WithSummary("Resync only the missing and different records of a completed reconciliation")
            .Produces<ReconcileResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/reconciliations/{id:long}/cancel", CancelAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("CancelReconciliation").WithTags("Reconciliations")
            .WithSummary("Stop a comparison or a resync that is running")
            .Produces<ReconcileResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> StartAsync(string slug, HttpContext context, IntegrationService integrations, ReconcileService reconciliations, ReconcileQuery query)
    {
        var (request, error) = await JsonBody.ReadAsync<StartReconcileRequest>(context);
        if (error is not null)
        {
            return error;
        }

        if (await integrations.FindAsync(slug, context.RequestAborted) is not { } integration)
        {
            return IntegrationsApi.NotFound(slug);
        }

        if (request!.From is null || request.To is null)
        {
            return JsonBody.Invalid(request.From is null ? "from" : "to", "is required: an ISO-8601 time, for example 2026-03-01T00:00:00Z.");
        }

        var result = await reconciliations.StartAsync(
            new ReconcileRequest(integration.Id, request.From.Value, request.To.Value, context.User.ToActor().Name), context.RequestAborted);
        if (result.Errors is { IsEmpty: false } errors)
        {
            return Results.ValidationProblem(errors.ToDictionary());
        }

        if (result.Conflict is { } conflict)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A reconciliation is already running", detail: conflict);
        }

        return Results.Accepted($"/api/v1/reconciliations/{result.Run!.Id}", await ResponseAsync(query, result.Run.Id, context.RequestAborted));
    }

    private static async Task<IResult> ListAsync(string slug, long? before, int? limit, IntegrationService integrations, ReconcileQuery query, CancellationToken cancellationToken)
    {
        if (await integrations.FindAsync(slug, cancellationToken) is not { } integration)
        {
            return IntegrationsApi.NotFound(slug);
        }

        if (limit is < 1 or > ReconcileQuery.MaxPageSize)
        {
            return JsonBody.Invalid("limit", $"must be between 1 and {ReconcileQuery.MaxPageSize}.");
        }

        var size = limit ?? 50;
        var page = await query.PageAsync(integration.Id, before, size + 1, cancellationToken);
        var items = new List<ReconcileResponse>();
        foreach (var row in page.Take(size))
        {
            items.Add(await ToResponseAsync(query, row, cancellationToken));
        }

        return Results.Ok(new ReconcileListResponse(items, page.Count > size ? page[size - 1].Run.Id.ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<IResult> GetAsync(long id, ReconcileQuery query, CancellationToken cancellationToken) =>
        await ResponseAsync(query, id, cancellationToken) is { } response ? Results.Ok(response) : NotFound(id);

    private static async Task<IResult> DifferencesAsync(long id, string? kind, long? after, int? limit, ReconcileQuery query, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        ReconcileDifferenceKind? only = null;
        if (kind is not null)
        {
            if (!Enum.TryParse<ReconcileDifferenceKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
            {
                return JsonBody.Invalid("kind", "must be missing, different, extra or notCompared.");
            }

            only = parsed;
        }

        if (limit is < 1 or > ReconcileQuery.MaxPageSize)
        {
            return JsonBody.Invalid("limit", $"must be between 1 and {ReconcileQuery.MaxPageSize}.");
        }

        var size = limit ?? 50;
        var page = await query.DifferencesAsync(id, only, after, size + 1, cancellationToken);
        return Results.Ok(new DifferenceListResponse(
            [.. page.Take(size).Select(d => new DifferenceResponse(d.Id, d.Kind, d.EntityType, d.SourceId, d.Reference, d.RecordId, d.RecordStatus, d.ExternalId, d.Label,
                [.. d.Fields.Select(f => new FieldDifferenceResponse(f.Field, f.Source, f.Destination))], d.Note, d.Resyncable, d.Resync, d.ResyncNote))],
            page.Count > size ? page[size - 1].Id.ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<IResult> ResyncAsync(long id, HttpContext context, ResyncService resyncs, ReconcileQuery query)
    {
        var result = await resyncs.StartAsync(id, context.User.ToActor().Name, context.RequestAborted);
        if (result.NotFound)
        {
            return NotFound(id);
        }

        return result.Conflict is { } conflict
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot resync", detail: conflict)
            : Results.Accepted($"/api/v1/reconciliations/{id}", await ResponseAsync(query, id, context.RequestAborted));
    }

    private static async Task<IResult> CancelAsync(long id, HttpContext context, ReconcileService reconciliations, ReconcileQuery query)
    {
        if (await query.FindAsync(id, context.RequestAborted) is null)
        {
            return NotFound(id);
        }

        return await reconciliations.CancelAsync(id, context.User.ToActor().Name, context.RequestAborted)
            ? Results.Accepted($"/api/v1/reconciliations/{id}", await ResponseAsync(query, id, context.RequestAborted))
            : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not running", detail: $"Reconciliation {id} is neither comparing nor resyncing.");
    }

    private static IResult NotFound(long id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Reconciliation not found", detail: $"No reconciliation has the id {id}.");

    private static async Task<ReconcileResponse?> ResponseAsync(ReconcileQuery query, long id, CancellationToken cancellationToken) =>
        await query.FindAsync(id, cancellationToken) is { } row ? await ToResponseAsync(query, row, cancellationToken) : null;

    private static async Task<ReconcileResponse> ToResponseAsync(ReconcileQuery query, ReconcileRow row, CancellationToken cancellationToken)
    {
        var run = row.Run;
        var progress = await query.ProgressAsync(run, cancellationToken);
        var resyncable = run.Status == ReconcileStatus.Completed ? await query.ResyncableCountAsync(run.Id, cancellationToken) : 0;
        return new ReconcileResponse(run.Id, row.IntegrationSlug, run.Status, run.Mode, run.RangeFrom, run.RangeTo, run.StartedBy, run.StartedAt, run.FinishedAt,
            run.Phase, run.Note, run.Truncated,
            new ReconcileCountsResponse(run.SourceRecords, run.DestinationRecords, run.Matching, run.Missing, run.Different, run.Extra, run.NotCompared),
            new ResyncResponse(run.ResyncStatus, resyncable, progress.Total, progress.Queued, progress.Left, progress.Delivered, progress.Failed, progress.Waiting,
                run.ResyncStartedBy, run.ResyncStartedAt, run.ResyncFinishedAt, run.ResyncNote));
    }
}
