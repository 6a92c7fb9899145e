using System.Globalization;
using SyncHub.Connectors;
using SyncHub.Core.Queries;

namespace SyncHub.Web.Pages.Failed;

/// <summary>
/// The failed and dead-letter lists' filters beyond integration and error class, as the query string carries them,
/// so they survive paging, tab switches and Retry All. Dates are whole UTC days; "to" includes its day.
/// </summary>
public sealed record FailedFilters(
    string? EntityType = null, int? MinRetries = null, DateOnly? From = null, DateOnly? To = null, string? Search = null, string? Group = null)
{
    public static FailedFilters None { get; } = new();

    public bool IsEmpty => this == None;

    /// <summary>Normalises what the query string brought: blanks become null, the search is cut to its limit.</summary>
    public static FailedFilters Parse(string? entityType, int? minRetries, DateOnly? from, DateOnly? to, string? search, string? group) => new(
        Blank(entityType), minRetries is > 0 ? minRetries : null, from, to,
        Blank(search) is { } term ? term[..Math.Min(term.Length, RecordFilter.MaxSearchLength)] : null,
        Blank(group));

    public RecordFilter ToFilter(int? integrationId, ErrorClass? errorClass) => new()
    {
        IntegrationId = integrationId,
        EntityType = EntityType,
        ErrorClass = errorClass,
        MinRetries = MinRetries,
        LastFailedFrom = From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        LastFailedBefore = To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        Search = Search,
        Fingerprint = Group,
    };

    public IEnumerable<string> QueryParameters()
    {
        if (EntityType is not null)
        {
            yield return "entityType=" + Uri.EscapeDataString(EntityType);
        }

        if (MinRetries is { } minRetries)
        {
            yield return "minRetries=" + minRetries.ToString(CultureInfo.InvariantCulture);
        }

        if (From is { } from)
        {
            yield return "from=" + Day(from);
        }

        if (To is { } to)
        {
            yield return "to=" + Day(to);
        }

        if (Search is not null)
        {
            yield return "q=" + Uri.EscapeDataString(Search);
        }

        if (Group is not null)
        {
            yield return "group=" + Uri.EscapeDataString(Group);
        }
    }

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
