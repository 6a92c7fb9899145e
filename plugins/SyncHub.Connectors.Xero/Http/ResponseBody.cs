namespace SyncHub.Connectors.Xero.Http;

/// <summary>Reads at most the first megabyte of an answer: a misbehaving server must not exhaust memory.</summary>
internal static class ResponseBody
{
    private const int MaxBytes = 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (buffer.Length < MaxBytes)
        {
            var wanted = (int)Math.Min(chunk.Length, MaxBytes - buffer.Length);
            var read = await stream.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

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
