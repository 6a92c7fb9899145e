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

    /// <summary>Classifies an HTTP answer that was not a success, using <see cref="HttpErrorClassifier"/>.</summary>
    public static DeliveryOutcome FromHttpStatus(int httpStatus, string message, TimeSpan? retryAfter = null) =>
        Failed(HttpErrorClassifier.Classify(httpStatus), message, httpStatus, retryAfter);
}
