using System.Globalization;
using SyncHub.Core.Validation;

namespace SyncHub.Web.Api;

/// <summary>
/// Query values arrive as text and are parsed here, not by parameter binding, so a bad one gets a 400 whose
/// <c>errors</c> name it instead of an empty 400. Each method adds its message to the errors and returns null then.
/// </summary>
internal static class QueryValues
{
    public static int? Int(FieldErrors errors, string? text, string name, int min, int max)
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) || parsed < min || parsed > max)
        {
            errors.Add(name, $"must be a whole number between {min} and {max}.");
            return null;
        }

        return parsed;
    }

    /// <summary>A cursor: the <c>next</c> value of a previous page, a whole number.</summary>
    public static long? Cursor(FieldErrors errors, string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            errors.Add(name, "must be the 'next' value of a previous page.");
            return null;
        }

        return parsed;
    }

    /// <summary>An ISO 8601 date or date and time; a date alone is midnight UTC, a time without an offset is UTC.</summary>
    public static DateTimeOffset? Time(FieldErrors errors, string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            errors.Add(name, "must be an ISO 8601 date or date and time, for example 2025-01-31 or 2025-01-31T08:00:00Z.");
            return null;
        }

        return parsed;
    }

    public static IResult? Problem(FieldErrors errors) => errors.IsEmpty ? null : Results.ValidationProblem(errors.ToDictionary());
}
