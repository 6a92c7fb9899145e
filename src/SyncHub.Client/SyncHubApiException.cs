namespace SyncHub.Client;

/// <summary>SyncHub answered with an error; <see cref="Problem"/> says which (null when the answer had no problem body).</summary>
public sealed class SyncHubApiException : Exception
{
    /// <summary>An error without a status (for serializers and tests).</summary>
    public SyncHubApiException()
    {
    }

    /// <summary>An error with a message only.</summary>
    public SyncHubApiException(string message)
        : base(message)
    {
    }

    /// <summary>An error caused by another.</summary>
    public SyncHubApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal SyncHubApiException(int status, Problem? problem)
        : base($"SyncHub answered {status}: {problem?.Title}{(problem?.Detail is { } detail ? " — " + detail : "")}")
    {
        Status = status;
        Problem = problem;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The problem details, if the answer carried them.</summary>
    public Problem? Problem { get; }
}
