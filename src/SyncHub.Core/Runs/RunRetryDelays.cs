using System.Globalization;

namespace SyncHub.Core.Runs;

/// <summary>Reads a run retry policy's delays, "00:05:00,00:30:00,02:00:00".</summary>
public static class RunRetryDelays
{
    public const int MaxRetries = 10;

    /// <returns>The delays, or null when the text is not a comma-separated list of positive hh:mm:ss values.</returns>
    public static IReadOnlyList<TimeSpan>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var delays = new List<TimeSpan>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TimeSpan.TryParseExact(part, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var delay)
                && !TimeSpan.TryParse(part, CultureInfo.InvariantCulture, out delay))
            {
                return null;
            }

            if (delay <= TimeSpan.Zero || delay > TimeSpan.FromDays(7))
            {
                return null;
            }

            delays.Add(delay);
        }

        return delays.Count <= MaxRetries ? delays : null;
    }
}
