using Microsoft.EntityFrameworkCore;
using SyncHub.Data;

namespace SyncHub.Core.Audit;

/// <summary>
/// Reads the audit log newest first. Pages are keyset-paged on the entry id (ids grow with time), so a page
/// deep into a long log costs the same as the first one: no OFFSET, and no COUNT of the whole log.
/// </summary>
public sealed class AuditQuery(IDbContextFactory<SyncHubDbContext> dbFactory)
{
    public async Task<AuditPage> PageAsync(AuditFilter filter, int size, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (filter.Before is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(a => a.Actor.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            var target = filter.Target.Trim();
            query = query.Where(a => a.Target.Contains(target));
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.At < to);
        }

        var rows = await query.OrderByDescending(a => a.Id).Take(size + 1).ToListAsync(cancellationToken);
        return rows.Count > size ? new AuditPage(rows[..size], rows[size - 1].Id) : new AuditPage(rows, null);
    }

    /// <summary>The actions that occur in the log (for the filter list), besides the ones SyncHub knows.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var used = await db.AuditLog.AsNoTracking().Select(a => a.Action).Distinct().ToListAsync(cancellationToken);
        return [.. used.Union(AuditLabels.Known.Keys).Order(StringComparer.Ordinal)];
    }
}
