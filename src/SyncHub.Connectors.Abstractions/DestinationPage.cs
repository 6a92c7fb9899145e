namespace SyncHub.Connectors;

/// <summary>One page of destination records, or why it could not be read.</summary>
public sealed record DestinationPage
{
    private DestinationPage()
    {
    }

    /// <summary>The records of this page. Leave out records the destination has deleted or voided: they count as missing.</summary>
    public IReadOnlyList<DestinationRecord> Records { get; private init; } = [];

    /// <summary>Pass it back to read the next page; null when this was the last.</summary>
    public string? NextCursor { get; private init; }

    /// <summary>Why the read failed; <see cref="ErrorClass.None"/> when it succeeded.</summary>
    public ErrorClass ErrorClass { get; private init; }

    /// <summary>A short description of a failure. Untrusted text.</summary>
    public string? Message { get; private init; }

    /// <summary>The destination's HTTP status on failure, if any.</summary>
    public int? HttpStatus { get; private init; }

    /// <summary>How long the destination asked SyncHub to wait (Retry-After on a 429).</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>True when the page was read.</summary>
    public bool IsSuccess => ErrorClass == ErrorClass.None;

    /// <summary>A page of records.</summary>
    public static DestinationPage Of(IReadOnlyList<DestinationRecord> records, string? nextCursor) =>
        new() { Records = records, NextCursor = nextCursor };

    /// <summary>The read failed.</summary>
    /// <param name="errorClass">Why; must not be <see cref="ErrorClass.None"/>.</param>
    /// <param name="message">A short, human-readable description.</param>
    /// <param name="httpStatus">The destination's HTTP status, if any.</param>
    /// <param name="retryAfter">The destination's Retry-After, if any.</param>
    public static DestinationPage Failed(ErrorClass errorClass, string message, int? httpStatus = null, TimeSpan? retryAfter = null)
    {
        if (errorClass == ErrorClass.None)
        {
            throw new ArgumentException("A failed read needs an error class other than None.", nameof(errorClass));
        }

        return new() { ErrorClass = errorClass, Message = message, HttpStatus = httpStatus, RetryAfter = retryAfter };
    }
}
