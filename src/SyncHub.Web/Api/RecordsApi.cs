using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SyncHub.Core.Integrations;
using SyncHub.Core.Operations;
using SyncHub.Core.Queries;
using SyncHub.Core.Records;
using SyncHub.Core.Validation;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

internal static class RecordsApi
{
    public const int MaxIngestBytes = 1024 * 1024;
    public const int MaxBatchBytes = 16 * 1024 * 1024;
    public const int MaxRetryIds = 10_000;
    private const string ArchivedStatus = "archived";

    public static RouteGroupBuilder MapRecordsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/integrations/{slug}/records", IngestAsync).WithMetadata(new RequestSizeLimitAttribute(MaxIngestBytes))
            .WithName("IngestRecord").WithTags("Records")
            .WithSummary("Push one record (any key, ingest-only included)")
            .WithDescription("Idempotent on (integration, entity type, source id): the same source id again updates that record's payload and queues it; it never creates a second record. Bodies over 1 MB get 413, payloads over 256 KB or deeper than 32 levels a 400.")
            .Accepts<IngestRequest>("application/json")
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/integrations/{slug}/records:batch", IngestBatchAsync).WithMetadata(new RequestSizeLimitAttribute(MaxBatchBytes))
            .WithName("IngestRecordBatch").WithTags("Records")
            .WithSummary("Push up to 1000 records in one transaction, all or nothing (any key)")
            .WithDescription("Every record is validated first (errors name records[i].field; a source id twice in one batch is refused) and either all are written or none. Bodies up to 16 MB.")
            .Accepts<IngestBatchRequest>("application/json")
            .Produces<IngestBatchResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/integrations/{slug}/records", ListAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ListRecords").WithTags("Records")
            .WithSummary("One page of an integration's records of one status (failed by default), keyset-paged")
            .Produces<RecordListResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/records/{id:long}", GetAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("GetRecord").WithTags("Records")
            .WithSummary("A record with its payload and every attempt")
            .Produces<RecordResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/integrations/{slug}/records/retry", RetryAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("RetryRecords").WithTags("Operations")
            .WithSummary("Retry Selected (ids) or Retry All Failed (all, optionally one error class) as one background operation")
            .WithDescription("The set is fixed when the operation starts. A canary record goes first; if it fails again for a reason a person must fix, the operation stops and leaves the rest untouched. Poll the operation for progress.")
            .Accepts<RetryRequest>("application/json")
            .Produces<OperationAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> IngestAsync(string slug, HttpContext context, IngestService ingest)
    {
        var (request, error) = await JsonBody.ReadAsync<IngestRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var result = await ingest.IngestAsync(slug, request!, context.RequestAborted);
        return result.Outcome switch
        {
            IngestOutcome.Invalid => Results.ValidationProblem(result.Errors!.ToDictionary()),
            IngestOutcome.IntegrationNotFound => IntegrationsApi.NotFound(slug),
            _ => Results.Accepted($"/api/v1/records/{result.RecordId}", new IngestResponse(result.RecordId, result.Status, result.Outcome == IngestOutcome.Created)),
        };
    }

    private static async Task<IResult> IngestBatchAsync(string slug, HttpContext context, IngestService ingest)
    {
        var (request, error) = await JsonBody.ReadAsync<IngestBatchRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var result = await ingest.IngestBatchAsync(slug, request!.Records ?? [], context.RequestAborted);
        return result.Outcome switch
        {
            IngestOutcome.Invalid => Results.ValidationProblem(result.Errors!.ToDictionary()),
            IngestOutcome.IntegrationNotFound => IntegrationsApi.NotFound(slug),
            _ => Results.Accepted(value: new IngestBatchResponse(
                [.. result.Items.Select(item => new IngestResponse(item.RecordId, item.Status, item.Outcome == IngestOutcome.Created))])),
        };
    }

    private static async Task<IResult> ListAsync(
        string slug, string? status, string? limit, string? after, IntegrationService integrations, FailedRecordsQuery query, CancellationToken cancellationToken)
    {
        // "archived" is not a status but the archive: archived records of any status, and only there.
        var errors = new FieldErrors();
        var archived = string.Equals(status, ArchivedStatus, StringComparison.OrdinalIgnoreCase);
        var wanted = RecordStatus.Failed;
        if (status is not null && !archived && (!Enum.TryParse(status, ignoreCase: true, out wanted) || !Enum.IsDefined(wanted) || char.IsDigit(status[0])))
        {
            errors.Add("status", "must be one of pending, inFlight, delivered, failed, deadLetter, dismissed, skipped, blocked, needsReview, archived.");
        }

        var cursor = QueryValues.Cursor(errors, after, "after");
        var size = QueryValues.Int(errors, limit, "limit", 1, FailedRecordsQuery.MaxPageSize);
        if (QueryValues.Problem(errors) is { } invalid)
        {
            return invalid;
        }

        var integration = await integrations.FindAsync(slug, cancellationToken);
        if (integration is null)
        {
            return IntegrationsApi.NotFound(slug);
        }

        var page = archived
            ? await query.ArchivedPageAsync(integration.Id, cursor, size ?? 50, cancellationToken)
            : await query.PageAsync(integration.Id, wanted, cursor, size ?? 50, cancellationToken);
        return Results.Ok(new RecordListResponse(
            [.. page.Items.Select(ApiMapping.ToListItem)],
            page.Next?.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<IResult> GetAsync(long id, RecordDetailsQuery query, CancellationToken cancellationToken)
    {
        var details = await query.FindAsync(id, cancellationToken);
        if (details is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Record not found", detail: $"No record has the id {id}.");
        }

        var record = details.Record;
        using var payload = JsonDocument.Parse(record.Payload);
        return Results.Ok(new RecordResponse(
            record.Id, details.IntegrationSlug, record.EntityType, record.SourceId, record.Status, record.RetryCount,
            record.AutomaticRetriesExhausted, record.Status == RecordStatus.Failed ? record.NextAttemptAt : null,
            record.ExternalId, record.ReconciledAt, record.IdempotencyKey,
            record.LastErrorClass is null ? null : new ErrorResponse(record.LastErrorClass, record.LastHttpStatus, record.LastErrorMessage),
            payload.RootElement.Clone(),
            [.. details.Attempts.Select(ApiMapping.ToResponse)]));
    }

    private static async Task<IResult> RetryAsync(string slug, HttpContext context, IntegrationService integrations, RetryOperationService operations)
    {
        var (request, error) = await JsonBody.ReadAsync<RetryRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var all = request!.All == true;
        if (all == (request.Ids is not null))
        {
            return JsonBody.Invalid("ids", "send either \"ids\": [...] or \"all\": true.");
        }

        if (!all && request.ErrorClass is not null)
        {
            return JsonBody.Invalid("errorClass", "applies only with \"all\": true.");
        }

        if (request.ErrorClass == SyncHub.Connectors.ErrorClass.None)
        {
            return JsonBody.Invalid("errorClass", "must name an error class, for example \"authentication\".");
        }

        if (request.Ids is { Length: 0 or > MaxRetryIds })
        {
            return JsonBody.Invalid("ids", $"must list between 1 and {MaxRetryIds} record ids; use \"all\": true for more.");
        }

        var integration = await integrations.FindAsync(slug, context.RequestAborted);
        if (integration is null)
        {
            return IntegrationsApi.NotFound(slug);
        }

        var scope = all ? RetryScope.All(integration.Id, request.ErrorClass) : RetryScope.Selected(request.Ids!.Distinct().ToArray(), integration.Id);
        var operation = await operations.StartInBackgroundAsync(scope, context.User.ToActor().Name, context.RequestAborted);
        return Results.Accepted($"/api/v1/operations/{operation.Id}", new OperationAcceptedResponse(operation.Id, operation.Total));
    }
}
