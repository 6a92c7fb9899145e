namespace SyncHub.Connectors;

/// <summary>One page read from a source, or why it could not be read.</summary>
public sealed record SourcePage
{
    private SourcePage()
    {
    }

    /// <summary>The records of this page, oldest change first.</summary>
    public IReadOnlyList<SourceRecord> Records { get; private init; } = [];

    /// <summary>Pass it back to read the next page; null when this was the last.</summary>
    public string? NextCursor { get; private init; }

    /// <summary>Why the read failed; <see cref="ErrorClass.None"/> when it succeeded.</summary>
    public ErrorClass ErrorClass { get; private init; }

    /// <summary>A short description of a failure. Untrusted text.</summary>
    public string? Message { get; private init; }

    /// <summary>The source's HTTP status on failure, if any.</summary>
    public int? HttpStatus { get; private init; }

    /// <summary>How long the source asked SyncHub to wait (Retry-After on a 429).</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>True when the page was read.</summary>
    public bool IsSuccess => ErrorClass == ErrorClass.None;

    /// <summary>A page of records.</summary>
    public static SourcePage Of(IReadOnlyList<SourceRecord> records, string? nextCursor) =>
        new() { Records = records, NextCursor = nextCursor };

    /// <summary>The read failed.</summary>
    public static SourcePage Failed(ErrorClass errorClass, string message, int? httpStatus = null, TimeSpan? retryAfter = null)
    {
        if (errorClass == ErrorClass.None)
        {
            throw new ArgumentException("A failed read needs an error class other than None.", nameof(errorClass));
        }

        return new() { ErrorClass = errorClass, Message = message, HttpStatus = httpStatus, RetryAfter = retryAfter };
    }
}
