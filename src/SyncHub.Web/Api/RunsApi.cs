using System.Globalization;
using SyncHub.Core.Integrations;
using SyncHub.Core.Queries;
using SyncHub.Core.Runs;
using SyncHub.Core.Validation;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>Sync runs: start (Sync Now, date range, full re-import), list, inspect, cancel.</summary>
internal static class RunsApi
{
    private const int MaxLimit = 200;

    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/integrations/{slug}/runs", StartAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("StartRun").WithTags("Runs")
            .WithSummary("Start a sync run: Sync now (incremental), a date range, or a full re-import (confirm: true)")
            .Accepts<StartRunRequest>("application/json")
            .Produces<RunResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/integrations/{slug}/runs", ListAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ListRuns").WithTags("Runs")
            .WithSummary("An integration's runs, newest first, keyset-paged")
            .Produces<RunListResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/runs/{id:long}", GetAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("GetRun").WithTags("Runs")
            .WithSummary("A run with its error log")
            .Produces<RunDetailsResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/runs/{id:long}/cancel", CancelAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("CancelRun").WithTags("Runs")
            .WithSummary("Cancel a running run")
            .Produces<RunResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> StartAsync(string slug, HttpContext context, IntegrationService integrations, RunService runs, RunsQuery query)
    {
        var (request, error) = await JsonBody.ReadAsync<StartRunRequest>(context);
        if (error is not null)
        {
            return error;
        }

        if (await integrations.FindAsync(slug, context.RequestAborted) is not { } integration)
        {
            return IntegrationsApi.NotFound(slug);
        }

        var mode = request!.Mode ?? RunMode.Incremental;
        if (mode == RunMode.Full && !request.Confirm)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["confirm"] = ["must be true for a full re-import: it reads every record in scope again."],
            });
        }

        var trigger = mode == RunMode.Incremental ? RunTrigger.Manual : RunTrigger.Resync;
        var result = await runs.StartInBackgroundAsync(
            new RunRequest(integration.Id, trigger, mode, request.From, request.To, context.User.ToActor().Name), context.RequestAborted);
        if (result.AlreadyRunning is { } running)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A run is already running",
                detail: $"Run {running.Id} of '{slug}' is still running; runs of one integration never overlap.");
        }

        if (result.Errors is { IsEmpty: false } errors)
        {
            return Results.ValidationProblem(errors.ToDictionary());
        }

        var row = (await query.FindAsync(result.Run!.Id, context.RequestAborted))!;
        return Results.Accepted($"/api/v1/runs/{row.Run.Id}", ToResponse(row));
    }

    private static async Task<IResult> ListAsync(string slug, string? before, string? limit, IntegrationService integrations, RunsQuery query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var cursor = QueryValues.Cursor(errors, before, "before");
        var wanted = QueryValues.Int(errors, limit, "limit", 1, MaxLimit);
        if (QueryValues.Problem(errors) is { } invalid)
        {
            return invalid;
        }

        if (await integrations.FindAsync(slug, cancellationToken) is not { } integration)
        {
            return IntegrationsApi.NotFound(slug);
        }

        var size = wanted ?? 50;
        var page = await query.PageAsync(integration.Id, cursor, size + 1, cancellationToken);
        var next = page.Count > size ? page[size - 1].Run.Id.ToString(CultureInfo.InvariantCulture) : null;
        return Results.Ok(new RunListResponse([.. page.Take(size).Select(ToResponse)], next));
    }

    private static async Task<IResult> GetAsync(long id, RunsQuery query, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(id, cancellationToken) is not { } row)
        {
            return RunNotFound(id);
        }

        var log = await query.ErrorLogAsync(id, MaxLimit, cancellationToken);
        return Results.Ok(new RunDetailsResponse(ToResponse(row),
            [.. log.Select(e => new RunLogEntryResponse(e.RecordId, e.EntityType, e.SourceId, e.Status, e.ErrorClass, e.Message, e.At, e.RecordStatus, e.FailedRuns))]));
    }

    private static async Task<IResult> CancelAsync(long id, HttpContext context, RunService runs, RunsQuery query, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(id, cancellationToken) is not { } row)
        {
            return RunNotFound(id);
        }

        return await runs.CancelAsync(id, context.User.ToActor().Name, cancellationToken)
            ? Results.Accepted($"/api/v1/runs/{id}", ToResponse(row))
            : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Run not running", detail: $"Run {id} has already ended ({row.Run.Status}).");
    }

    private static IResult RunNotFound(long id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Run not found", detail: $"No run has the id {id}.");

    private static RunResponse ToResponse(RunRow row)
    {
        var run = row.Run;
        return new RunResponse(run.Id, row.IntegrationSlug, run.Trigger, run.Mode, run.Status,
            new RunCountsResponse(run.Created, run.Updated, run.Skipped, run.Failed), run.StartedAt, run.FinishedAt, row.Duration?.TotalSeconds,
            run.Note, run.RangeFrom, run.RangeTo, run.RetryOfRunId, run.RetryNumber, run.RetryDueAt);
    }
}
