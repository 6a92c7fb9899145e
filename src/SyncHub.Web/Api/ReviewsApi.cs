using System.Text.Json;
using SyncHub.Core.Duplicates;
using SyncHub.Core.Validation;
using SyncHub.Web.Security;

namespace SyncHub.Web.Api;

/// <summary>The duplicate review: list and compare, then merge into a candidate or keep apart (audited as the page's decisions are).</summary>
internal static class ReviewsApi
{
    public static RouteGroupBuilder MapReviewsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reviews", ListAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("ListReviews").WithTags("Duplicate reviews")
            .WithSummary("Records the destination may already hold, open ones (default) or decided ones, newest first (at most 100)")
            .Produces<IReadOnlyList<ReviewListItem>>()
            .ProducesValidationProblem();
        api.MapGet("/reviews/{id:long}", GetAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("GetReview").WithTags("Duplicate reviews")
            .WithSummary("A review: the record beside the destination's candidates and SyncHub's records already linked to them")
            .Produces<ReviewResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/reviews/{id:long}/merge", MergeAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("MergeReview").WithTags("Duplicate reviews")
            .WithSummary("Merge the record into the chosen candidate: linked records are absorbed, the connector links the survivor")
            .WithDescription("409 when the review was already decided, the record is being delivered, or the destination refused (the review stays open and the detail says why). Audited as duplicate.merge.")
            .Accepts<MergeRequest>("application/json")
            .Produces<ReviewDecisionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/reviews/{id:long}/keep-apart", KeepApartAsync).RequireAuthorization(Policies.ApiFull)
            .WithName("KeepReviewApart").WithTags("Duplicate reviews")
            .WithSummary("The record is a different one from every candidate: it is created at the destination without another duplicate search (audited as duplicate.keep-apart)")
            .Produces<ReviewDecisionResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(string? status, string? integration, DuplicateReviewService reviews, CancellationToken cancellationToken)
    {
        if (status is not (null or "open" or "decided"))
        {
            var errors = new FieldErrors();
            errors.Add("status", "must be \"open\" or \"decided\".");
            return Results.ValidationProblem(errors.ToDictionary());
        }

        var rows = await reviews.ListAsync(status != "decided", string.IsNullOrWhiteSpace(integration) ? null : integration, cancellationToken);
        return Results.Ok(rows.Select(r => new ReviewListItem(
            r.Id, r.RecordId, r.IntegrationSlug, r.EntityType, r.SourceId, r.CandidateCount, r.Status, r.CreatedAt, r.DecidedAt, r.DecidedBy, r.Outcome)).ToList());
    }

    private static async Task<IResult> GetAsync(long id, DuplicateReviewService reviews, CancellationToken cancellationToken)
    {
        if (await reviews.GetAsync(id, cancellationToken) is not { } details)
        {
            return NotFound(id);
        }

        var review = details.Review;
        using var payload = JsonDocument.Parse(details.Record.Payload);
        return Results.Ok(new ReviewResponse(
            review.Id, details.Record.Id, details.Integration.Slug, details.Record.EntityType, details.Record.SourceId, details.Record.Status,
            payload.RootElement.Clone(), review.Status, review.Reason, review.CreatedAt, review.DecidedAt, review.DecidedBy, review.Outcome, details.CanLink,
            [.. details.Candidates.Select(c => new ReviewCandidateResponse(c.ExternalId, c.DisplayName, c.Fields))],
            [.. details.LinkedRecords.Select(r => new LinkedRecordResponse(r.Id, r.SourceId, r.ExternalId, r.Status))]));
    }

    private static async Task<IResult> MergeAsync(long id, HttpContext context, DuplicateReviewService reviews)
    {
        var (request, error) = await JsonBody.ReadAsync<MergeRequest>(context);
        return error ?? Decided(id, await reviews.MergeAsync(id, request!.Survivor, Actor(context), context.RequestAborted), await reviews.GetAsync(id, context.RequestAborted));
    }

    private static async Task<IResult> KeepApartAsync(long id, HttpContext context, DuplicateReviewService reviews) =>
        Decided(id, await reviews.KeepApartAsync(id, Actor(context), context.RequestAborted), await reviews.GetAsync(id, context.RequestAborted));

    private static IResult Decided(long id, DuplicateDecisionResult result, DuplicateReviewDetails? after) => result.Outcome switch
    {
        DuplicateDecisionOutcome.Done => Results.Ok(new ReviewDecisionResponse(id, after!.Record.Id, after.Review.Status, result.Message)),
        DuplicateDecisionOutcome.NotFound => NotFound(id),
        DuplicateDecisionOutcome.InvalidSurvivor => JsonBody.Invalid("survivor", "must be the externalId of one of the review's candidates."),
        DuplicateDecisionOutcome.DeliveryFailed => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The destination refused", detail: result.Message),
        _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The review cannot be decided now", detail: result.Message),
    };

    private static IResult NotFound(long id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Review not found", detail: $"No duplicate review has the id {id}.");

    private static string Actor(HttpContext context) => context.User.ToActor().Name;
}
