namespace SyncHub.Connectors;

/// <summary>Maps HTTP status codes to error classes the same way for every connector.</summary>
public static class HttpErrorClassifier
{
    /// <summary>The class of a non-success HTTP status code.</summary>
    public static ErrorClass Classify(int httpStatus) => httpStatus switch
    {
        >= 200 and < 300 => ErrorClass.None,
        400 or 422 => ErrorClass.Validation,
        401 => ErrorClass.Authentication,
        403 => ErrorClass.Authorization,
        404 or 410 => ErrorClass.NotFound,
        408 => ErrorClass.Transient,
        409 => ErrorClass.Conflict,
        429 => ErrorClass.RateLimited,
        502 or 503 or 504 => ErrorClass.Transient,
        >= 500 => ErrorClass.ServerError,
        _ => ErrorClass.Validation,
    };

    /// <summary>Reads a Retry-After header value: delta seconds or an HTTP date relative to <paramref name="now"/>.</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), out var seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
