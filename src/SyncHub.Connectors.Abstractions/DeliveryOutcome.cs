namespace SyncHub.Connectors;

/// <summary>What happened to one delivery. Build one with <see cref="Delivered"/> or <see cref="Failed"/>.</summary>
public sealed record DeliveryOutcome
{
    private DeliveryOutcome()
    {
    }

    /// <summary>True when the destination accepted the record.</summary>
    public bool IsDelivered => ErrorClass == ErrorClass.None;

    /// <summary>Why it failed; <see cref="ErrorClass.None"/> when delivered.</summary>
    public ErrorClass ErrorClass { get; private init; }

    /// <summary>The destination's HTTP status, when there was one.</summary>
    public int? HttpStatus { get; private init; }

    /// <summary>A short description of the failure, as the destination or the connector put it. Untrusted text.</summary>
    public string? Message { get; private init; }

    /// <summary>How long the destination asked SyncHub to wait before trying again (Retry-After).</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>The record's id at the destination, when the destination returned one.</summary>
    public string? ExternalId { get; private init; }

    /// <summary>
    /// True when the record was not created but linked to a copy the destination already had (found by email,
    /// for example). It counts as delivered.
    /// </summary>
    public bool IsLinked { get; private init; }

    /// <summary>What the connector wants the administrator to know about a delivered or linked record. Untrusted text.</summary>
    public string? Note { get; private init; }

    /// <summary>The fields the destination refused, when it said which (validation errors).</summary>
    public IReadOnlyList<FieldProblem> FieldProblems { get; private init; } = [];

    /// <summary>Destination records that may be this one; an administrator decides (see <see cref="IDuplicateResolver"/>).</summary>
    public IReadOnlyList<DuplicateCandidate> DuplicateCandidates { get; private init; } = [];

    /// <summary>The destination accepted the record.</summary>
    public static DeliveryOutcome Delivered(string? externalId = null, int? httpStatus = null) =>
        new() { ErrorClass = ErrorClass.None, ExternalId = externalId, HttpStatus = httpStatus };

    /// <summary>The delivery failed.</summary>
    /// <param name="errorClass">Why; must not be <see cref="ErrorClass.None"/>.</param>
    /// <param name="message">A short, human-readable description.</param>
    /// <param name="httpStatus">The destination's HTTP status, if any.</param>
    /// <param name="retryAfter">The destination's Retry-After, if any.</param>
    public static DeliveryOutcome Failed(ErrorClass errorClass, string message, int? httpStatus = null, TimeSpan? retryAfter = null)
    {
        if (errorClass == ErrorClass.None)
        {
            throw new ArgumentException("A failed outcome needs an error class other than None.", nameof(errorClass));
        }

        return new() { ErrorClass = errorClass, Message = message, HttpStatus = httpStatus, RetryAfter = retryAfter };
    }

    /// <summary>The record already existed at the destination and is now linked to it instead of created again.</summary>
    public static DeliveryOutcome Linked(string externalId, string note, int? httpStatus = null) =>
        new() { ErrorClass = ErrorClass.None, ExternalId = externalId, HttpStatus = httpStatus, IsLinked = true, Note = note };

    /// <summary>The destination refused the data and said which fields were wrong.</summary>
    public static DeliveryOutcome Invalid(string message, IReadOnlyList<FieldProblem> problems, int? httpStatus = null) =>
        new() { ErrorClass = ErrorClass.Validation, Message = message, HttpStatus = httpStatus, FieldProblems = problems };

    /// <summary>
    /// The destination may already hold this record, but not unambiguously: nothing was created, and an
    /// administrator reviews the candidates.
    /// </summary>
    public static DeliveryOutcome PotentialDuplicate(string message, IReadOnlyList<DuplicateCandidate> candidates, int? httpStatus = null) =>
        new() { ErrorClass = ErrorClass.Duplicate, Message = message, HttpStatus = httpStatus, DuplicateCandidates = candidates };

    /// <summary>Classifies an HTTP answer that was not a success, using <see cref="HttpErrorClassifier"/>.</summary>
    public static DeliveryOutcome FromHttpStatus(int httpStatus, string message, TimeSpan? retryAfter = null) =>
        Failed(HttpErrorClassifier.Classify(httpStatus), message, httpStatus, retryAfter);
}
