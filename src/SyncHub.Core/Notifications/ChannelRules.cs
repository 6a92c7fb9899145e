using MimeKit;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>Checks a channel request against what is stored: names, addresses, recipients, throttle and templates.</summary>
internal static class ChannelRules
{
    public static Dictionary<string, string> Check(ChannelRequest request, ChannelSettings merged, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            errors["name"] = "Enter a name of at most 100 characters.";
        }

        if (!Enum.IsDefined(request.Kind))
        {
            errors["kind"] = "Pick a kind of channel.";
        }

        if ((request.Events & NotificationEventKinds.All) == NotificationEventKinds.None)
        {
            errors["events"] = "Pick at least one event.";
        }

        if (request.ThrottleMinutes is < 0 or > 1440)
        {
            errors["throttleMinutes"] = "Must be between 0 and 1440 minutes.";
        }

        if (request.Kind is NotificationChannelKind.Webhook or NotificationChannelKind.Slack
            && (!Uri.TryCreate(merged.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            errors["url"] = "Enter the webhook's full http(s) address.";
        }

        if (request.Kind == NotificationChannelKind.Email)
        {
            CheckEmail(request, merged, errors);
        }

        if (NotificationRenderer.Check(request.SubjectTemplate, now) is { } subjectError)
        {
            errors["subjectTemplate"] = "The subject template does not work: " + subjectError;
        }

        if (NotificationRenderer.Check(request.BodyTemplate, now) is { } bodyError)
        {
            errors["bodyTemplate"] = "The body template does not work: " + bodyError;
        }

        return errors;
    }

    public static IReadOnlyList<string> Recipients(string? to) =>
        [.. (to ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static void CheckEmail(ChannelRequest request, ChannelSettings merged, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(merged.Host) || Uri.CheckHostName(merged.Host) == UriHostNameType.Unknown)
        {
            errors["host"] = "Enter the SMTP server's host name.";
        }

        if (merged.Port is < 1 or > 65535)
        {
            errors["port"] = "Must be between 1 and 65535.";
        }

        if (!SmtpSecurity.All.Contains(merged.Security))
        {
            errors["security"] = "Pick STARTTLS, TLS or none.";
        }

        if (!IsAddress(merged.From))
        {
            errors["from"] = "Enter the sender's e-mail address.";
        }

        if (merged.To.Count == 0 || merged.To.Count > 50 || merged.To.Any(a => !IsAddress(a)))
        {
            errors["to"] = "Enter 1 to 50 recipient addresses, separated by commas.";
        }

        if (request.Password is { Length: > 0 } && string.IsNullOrWhiteSpace(merged.Username))
        {
            errors["username"] = "A password needs a user name.";
        }
    }

    private static bool IsAddress(string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal);
}
