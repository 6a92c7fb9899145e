namespace SyncHub.Plugins.Protocol;

/// <summary>The child's answer to request <see cref="Id"/>: a result, or the exception the connector let escape.</summary>
internal sealed record ChildReply(long Id)
{
    public WireOutcome? Outcome { get; init; }

    public WireLookupOutcome? Lookup { get; init; }

    public WireTestResult? Test { get; init; }

    /// <summary>The escaped exception's type name, for example <c>InvalidOperationException</c>.</summary>
    public string? ErrorType { get; init; }

    public string? Error { get; init; }

    /// <summary>The HTTP status of an escaped <see cref="HttpRequestException"/>, if it had one.</summary>
    public int? ErrorHttpStatus { get; init; }
}
