namespace SyncHub.Connectors.Xero.Http;

/// <summary>
/// What one authorised call brought back: Xero's HTTP answer, or a <see cref="Failure"/> when there is none to
/// read (the token could not be refreshed).
/// </summary>
internal sealed record XeroAnswer
{
    public int Status { get; init; }

    public byte[] Body { get; init; } = [];

    /// <summary>The <c>Retry-After</c> header, relative to when the answer arrived.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The <c>X-Rate-Limit-Problem</c> header of a 429: minute, day or appminute.</summary>
    public string? RateLimitProblem { get; init; }

    public XeroFailure? Failure { get; init; }

    public bool IsSuccess => Failure is null && Status is >= 200 and < 300;

    public static XeroAnswer Failed(XeroFailure failure) => new() { Failure = failure };
}
