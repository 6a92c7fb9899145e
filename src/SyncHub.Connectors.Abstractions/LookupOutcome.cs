namespace SyncHub.Connectors;

/// <summary>
/// What a look-up found. Build one with <see cref="Found"/>, <see cref="NotFound"/>, <see cref="NotSupported"/>
/// or <see cref="Failed(ErrorClass, string)"/>.
/// </summary>
public sealed record LookupOutcome
{
    private LookupOutcome()
    {
    }

    /// <summary>True when the destination already holds the record.</summary>
    public bool IsFound { get; private init; }

    /// <summary>
    /// True when this integration cannot look records up (for example the gateway supports look-ups but the
    /// integration's settings do not configure one). SyncHub then sends the record as it would without look-ups.
    /// </summary>
    public bool IsNotSupported { get; private init; }

    /// <summary>Why the look-up itself failed; <see cref="ErrorClass.None"/> when it answered.</summary>
    public ErrorClass ErrorClass { get; private init; }

    /// <summary>The record's id at the destination, when found.</summary>
    public string? ExternalId { get; private init; }

    /// <summary>A short description of a failure. Untrusted text.</summary>
    public string? Message { get; private init; }

    /// <summary>The destination's HTTP status for a failed look-up, when there was one.</summary>
    public int? HttpStatus { get; private init; }

    /// <summary>The destination holds the record.</summary>
    public static LookupOutcome Found(string? externalId) => new() { IsFound = true, ExternalId = externalId };

    /// <summary>The destination does not hold the record: it is safe to send it.</summary>
    public static LookupOutcome NotFound() => new();

    /// <summary>This integration is not set up for look-ups: SyncHub sends the record without asking first.</summary>
    public static LookupOutcome NotSupported() => new() { IsNotSupported = true };

    /// <summary>The look-up could not tell; SyncHub treats the outcome as still unknown.</summary>
    public static LookupOutcome Failed(ErrorClass errorClass, string message) => Failed(errorClass, message, null);

    /// <summary>The look-up could not tell; SyncHub treats the outcome as still unknown.</summary>
    /// <param name="errorClass">Why; must not be <see cref="ErrorClass.None"/>.</param>
    /// <param name="message">A short, human-readable description.</param>
    /// <param name="httpStatus">The destination's HTTP status, if any.</param>
    public static LookupOutcome Failed(ErrorClass errorClass, string message, int? httpStatus)
    {
        if (errorClass == ErrorClass.None)
        {
            throw new ArgumentException("A failed look-up needs an error class other than None.", nameof(errorClass));
        }

        return new() { ErrorClass = errorClass, Message = message, HttpStatus = httpStatus };
    }
}
