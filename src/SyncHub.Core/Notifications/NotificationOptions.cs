using System.ComponentModel.DataAnnotations;

namespace SyncHub.Core.Notifications;

/// <summary>How notifications are sent and retried (section <c>SyncHub:Notifications</c>).</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string Section = "SyncHub:Notifications";

    /// <summary>Attempts per message before it is given up as failed.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait after the first failed attempt; doubled per further failure up to <see cref="RetryMaxMinutes"/>.</summary>
    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 30;

    [Range(1, 1440)]
    public int RetryMaxMinutes { get; set; } = 30;

    /// <summary>The longest one webhook call or SMTP conversation may take.</summary>
    [Range(1, 300)]
    public int SendTimeoutSeconds { get; set; } = 15;

    /// <summary>Messages sent per run of the notification job.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>SyncHub's address as administrators reach it (<c>https://synchub.example.com</c>), for links in messages.</summary>
    public string? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl)
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"{Section}:PublicBaseUrl must be an absolute http(s) address.", [nameof(PublicBaseUrl)]);
        }
    }

    public TimeSpan RetryDelay(int attempts)
    {
        var seconds = RetryBaseSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, RetryMaxMinutes * 60.0));
    }
}
