namespace SyncHub.Connectors.Xero.Http;

/// <summary>Reads at most the first megabyte of an answer: a misbehaving server must not exhaust memory.</summary>
internal static class ResponseBody
{
    private const int MaxBytes = 1024 * 1024;

    public static Task<byte[]> ReadAsync(HttpContent content, CancellationToken cancellationToken) =>
        BoundedBody.ReadAsync(content, MaxBytes, cancellationToken);

    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.NonValidated.TryGetValues("Retry-After", out var raw)
            && HttpErrorClassifier.ParseRetryAfter(raw.ToString(), now) is { } parsed)
        {
            return parsed;
        }

        return null;
    }
}
