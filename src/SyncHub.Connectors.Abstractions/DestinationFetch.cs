namespace SyncHub.Connectors;

/// <summary>
/// What looking one record up at the destination found. Build one with <see cref="Found"/>, <see cref="NotFound"/>,
/// <see cref="NotSupported"/> or <see cref="Failed"/>.
/// </summary>
public sealed record DestinationFetch
{
    private DestinationFetch()
    {
    }

    /// <summary>The destination's copy, when it holds the record.</summary>
    public DestinationRecord? Record { get; private init; }

    /// <summary>True when this integration cannot look records up; SyncHub then says it could not compare the record.</summary>
    public bool IsNotSupported { get; private init; }

    /// <summary>Why the look-up failed; <see cref="ErrorClass.None"/> when it answered.</summary>
    public ErrorClass ErrorClass { get; private init; }

    /// <summary>A short description of a failure. Untrusted text.</summary>
    public string? Message { get; private init; }

    /// <summary>The destination's HTTP status for a failed look-up, if any.</summary>
    public int? HttpStatus { get; private init; }

    /// <summary>How long the destination asked SyncHub to wait (Retry-After on a 429).</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>True when the destination answered (found or not).</summary>
    public bool IsSuccess => ErrorClass == ErrorClass.None && !IsNotSupported;

    /// <summary>The destination holds the record; this is its copy.</summary>
    public static DestinationFetch Found(DestinationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new() { Record = record };
    }

    /// <summary>The destination does not hold the record (or holds it deleted or voided).</summary>
    public static DestinationFetch NotFound() => new();

    /// <summary>This integration is not set up to look records up.</summary>
    public static DestinationFetch NotSupported() => new() { IsNotSupported = true };

    /// <summary>The look-up could not tell.</summary>
    /// <param name="errorClass">Why; must not be <see cref="ErrorClass.None"/>.</param>
    /// <param name="message">A short, human-readable description.</param>
    /// <param name="httpStatus">The destination's HTTP status, if any.</param>
    /// <param name="retryAfter">The destination's Retry-After, if any.</param>
    public static DestinationFetch Failed(ErrorClass errorClass, string message, int? httpStatus = null, TimeSpan? retryAfter = null)
    {
        if (errorClass == ErrorClass.None)
        {
            throw new ArgumentException("A failed look-up needs an error class other than None.", nameof(errorClass));
        }

        return new() { ErrorClass = errorClass, Message = message, HttpStatus = httpStatus, RetryAfter = retryAfter };
    }
}
