using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Queries;

/// <summary>
/// The failed and dead-letter lists' filters; they combine (AND), and Retry All takes the same set. The search matches
/// source id, external id, error message or payload text with LIKE, ignoring case on either store: the payload is not indexed, so a search scans the
/// queue's rows (newest first, stopping once a page is full).
/// </summary>
public sealed record RecordFilter
{
    public const int MaxSearchLength = 100;

    public int? IntegrationId { get; init; }

    public string? EntityType { get; init; }

    public ErrorClass? ErrorClass { get; init; }

    public int? MinRetries { get; init; }

    /// <summary>Last failed at or after this instant.</summary>
    public DateTimeOffset? LastFailedFrom { get; init; }

    /// <summary>Last failed before this instant.</summary>
    public DateTimeOffset? LastFailedBefore { get; init; }

    public string? Search { get; init; }

    /// <summary>One failure group.</summary>
    public string? Fingerprint { get; init; }

    public IQueryable<SyncRecord> Apply(IQueryable<SyncRecord> records)
    {
        if (IntegrationId is { } integrationId)
        {
            records = records.Where(r => r.IntegrationId == integrationId);
        }

        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            var entityType = EntityType.Trim();
            records = records.Where(r => r.EntityType == entityType);
        }

        if (ErrorClass is { } errorClass)
        {
            records = records.Where(r => r.LastErrorClass == errorClass);
        }

        if (MinRetries is { } minRetries)
        {
            records = records.Where(r => r.RetryCount >= minRetries);
        }

        if (LastFailedFrom is { } from)
        {
            records = records.Where(r => r.LastFailedAt >= from);
        }

        if (LastFailedBefore is { } before)
        {
            records = records.Where(r => r.LastFailedAt < before);
        }

        if (Fingerprint is { Length: > 0 } fingerprint)
        {
            records = records.Where(r => r.ErrorFingerprint == fingerprint);
        }

        if (SearchPattern() is { } pattern)
        {
            // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not; lower() makes both behave the same.
            records = records.Where(r => EF.Functions.Like(r.SourceId.ToLower(), pattern, "\\")
                || (r.ExternalId != null && EF.Functions.Like(r.ExternalId.ToLower(), pattern, "\\"))
                || (r.LastErrorMessage != null && EF.Functions.Like(r.LastErrorMessage.ToLower(), pattern, "\\"))
                || EF.Functions.Like(r.Payload.ToLower(), pattern, "\\"));
        }

        return records;
    }

    /// <summary>The filter in words, for the audit log: "integration 3, error class Validation, search "INV"".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        parts.Add(IntegrationId is { } integrationId ? $"integration {integrationId}" : "all integrations");
        Add(parts, "entity type", EntityType);
        Add(parts, "error class", ErrorClass?.ToString());
        Add(parts, "retries at least", MinRetries?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "last failed from", LastFailedFrom?.ToString("u", CultureInfo.InvariantCulture));
        Add(parts, "last failed before", LastFailedBefore?.ToString("u", CultureInfo.InvariantCulture));
        Add(parts, "failure group", Fingerprint);
        Add(parts, "search", Search is null ? null : $"\"{Search}\"");
        return string.Join(", ", parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"{name} {value}");
        }
    }

    private string? SearchPattern()
    {
        var term = Search?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return null;
        }

        term = term.Length <= MaxSearchLength ? term : term[..MaxSearchLength];
        term = term.ToLowerInvariant();
        var escaped = term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        return "%" + escaped + "%";
    }
}
