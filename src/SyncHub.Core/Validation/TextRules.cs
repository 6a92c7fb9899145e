using System.Text.RegularExpressions;

namespace SyncHub.Core.Validation;

/// <summary>Shared checks for names and identifiers that come from outside.</summary>
public static partial class TextRules
{
    public static void Required(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required.");
        }
        else if (value.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters.");
        }
        else if (value.Any(char.IsControl))
        {
            errors.Add(field, "must not contain control characters.");
        }
    }

    public static void Slug(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required.");
        }
        else if (!SlugPattern().IsMatch(value))
        {
            errors.Add(field, "must be 1–64 lower-case letters, digits or hyphens, starting with a letter or digit.");
        }
    }

    public static void Identifier(FieldErrors errors, string field, string? value)
    {
        Required(errors, field, value, 100);
        if (!string.IsNullOrWhiteSpace(value) && value.Length <= 100 && !IdentifierPattern().IsMatch(value))
        {
            errors.Add(field, "may contain only letters, digits, '.', '_' and '-'.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex IdentifierPattern();
}
