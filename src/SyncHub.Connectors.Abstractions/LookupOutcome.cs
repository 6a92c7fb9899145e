namespace SyncHub.Connectors;

/// <summary>What a look-up found. Build one with <see cref="Found"/>, <see cref="NotFound"/> or <see cref="Failed"/>.</summary>
public sealed record LookupOutcome
{
    private LookupOutcome()
    {
    }

    /// <summary>True when the destination already holds the record.</summary>
    public bool IsFound { get; private init; }

    /// <summary>Why the look-up itself failed; <see cref="ErrorClass.None"/> when it answered.</summary>
    public ErrorClass ErrorClass { get; private init; }

    /// <summary>The record's id at the destination, when found.</summary>
    public string? ExternalId { get; private init; }

    /// <summary>A short description of a failure. Untrusted text.</summary>
    public string? Message { get; private init; }

    /// <summary>The destination holds the record.</summary>
    public static LookupOutcome Found(string? externalId) => new() { IsFound = true, ExternalId = externalId };

    /// <summary>The destination does not hold the record: it is safe to send it.</summary>
    public static LookupOutcome NotFound() => new();

    /// <summary>The look-up could not tell; SyncHub treats the outcome as still unknown.</summary>
    public static LookupOutcome Failed(ErrorClass errorClass, string message)
    {
        if (errorClass == ErrorClass.None)
        {
            throw new ArgumentException("A failed look-up needs an error class other than None.", nameof(errorClass));
        }

        return new() { ErrorClass = errorClass, Message = message };
    }
}
