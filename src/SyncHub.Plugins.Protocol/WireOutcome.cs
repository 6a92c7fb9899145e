using SyncHub.Connectors;

namespace SyncHub.Plugins.Protocol;

/// <summary>A <see cref="DeliveryOutcome"/> on the wire; rebuilt through the SDK's factories so it stays valid.</summary>
internal sealed record WireOutcome(ErrorClass ErrorClass)
{
    public int? HttpStatus { get; init; }

    public string? Message { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public string? ExternalId { get; init; }

    public bool IsLinked { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<FieldProblem>? FieldProblems { get; init; }

    public IReadOnlyList<DuplicateCandidate>? DuplicateCandidates { get; init; }

    public static WireOutcome From(DeliveryOutcome outcome) => new(outcome.ErrorClass)
    {
        HttpStatus = outcome.HttpStatus,
        Message = outcome.Message,
        RetryAfter = outcome.RetryAfter,
        ExternalId = outcome.ExternalId,
        IsLinked = outcome.IsLinked,
        Note = outcome.Note,
        FieldProblems = outcome.FieldProblems.Count == 0 ? null : outcome.FieldProblems,
        DuplicateCandidates = outcome.DuplicateCandidates.Count == 0 ? null : outcome.DuplicateCandidates,
    };

    public DeliveryOutcome ToOutcome() => this switch
    {
        { ErrorClass: ErrorClass.None, IsLinked: true, ExternalId: { } id } => DeliveryOutcome.Linked(id, Note ?? "", HttpStatus),
        { ErrorClass: ErrorClass.None } => DeliveryOutcome.Delivered(ExternalId, HttpStatus),
        { ErrorClass: ErrorClass.Validation, FieldProblems.Count: > 0 } => DeliveryOutcome.Invalid(Message ?? "", FieldProblems, HttpStatus),
        { ErrorClass: ErrorClass.Duplicate, DuplicateCandidates.Count: > 0 } => DeliveryOutcome.PotentialDuplicate(Message ?? "", DuplicateCandidates, HttpStatus),
        _ => DeliveryOutcome.Failed(ErrorClass, Message ?? "", HttpStatus, RetryAfter),
    };
}
