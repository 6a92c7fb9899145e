using System.Globalization;
using System.Text.Json;
using SyncHub.Connectors;
using SyncHub.Core.Retries;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages;

/// <summary>How the pages show times, numbers, error classes and untrusted text.</summary>
public static class Display
{
    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>"3 min ago" or "in 5 min", relative to <paramref name="now"/>.</summary>
    public static string Relative(DateTimeOffset? at, DateTimeOffset now)
    {
        if (at is null)
        {
            return "—";
        }

        var delta = at.Value - now;
        var span = delta.Duration();
        var text = span.TotalSeconds < 60 ? $"{Math.Max(1, (int)span.TotalSeconds)} s"
            : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min"
            : span.TotalHours < 48 ? $"{(int)span.TotalHours} h"
            : $"{(int)span.TotalDays} d";
        return delta < TimeSpan.Zero ? $"{text} ago" : $"in {text}";
    }

    /// <summary>A record status in words: "Dead letter", "In flight".</summary>
    public static string Status(RecordStatus status) => status switch
    {
        RecordStatus.DeadLetter => "Dead letter",
        RecordStatus.InFlight => "In flight",
        RecordStatus.NeedsReview => "Needs review",
        _ => status.ToString(),
    };

    public static string ErrorLabel(ErrorClass? errorClass) => errorClass is { } value ? ErrorClassPolicy.Label(value) : "—";

    /// <summary>
    /// The label with the HTTP status that caused it ("Validation 422"). A success status is left out: a connector may
    /// answer 200 with a potential duplicate, and "Duplicate 200" reads as a contradiction.
    /// </summary>
    public static string ErrorBadge(ErrorClass? errorClass, int? httpStatus) =>
        httpStatus is >= 400 and <= 599 ? $"{ErrorLabel(errorClass)} {httpStatus}" : ErrorLabel(errorClass);

    /// <summary>A CSS class per error class, so the same kind of failure looks the same everywhere.</summary>
    public static string ErrorCss(ErrorClass? errorClass) => errorClass switch
    {
        ErrorClass.Transient or ErrorClass.RateLimited => "badge badge-transient",
        ErrorClass.Authentication or ErrorClass.Authorization => "badge badge-auth",
        null or ErrorClass.None => "badge",
        _ => "badge badge-data",
    };

    /// <summary>Shortens untrusted text for a table cell; Razor encodes it when rendering.</summary>
    public static string Truncate(string? text, int length = 160) =>
        string.IsNullOrEmpty(text) ? "—" : text.Length <= length ? text : text[..length] + "…";

    public static string PrettyJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, IndentedOptions);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>Indented JSON for an editor: text outside ASCII stays readable. Razor encodes it when rendering.</summary>
    public static string EditableJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, EditableOptions);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static readonly JsonSerializerOptions IndentedOptions = new() { WriteIndented = true };

    private static readonly JsonSerializerOptions EditableOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
