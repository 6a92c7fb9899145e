using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SyncHub.Data.Entities;

namespace SyncHub.Data.Bookkeeping;

/// <summary>
/// Net changes to <c>RecordCounts</c>, gathered in memory while records change and written as one statement: one upsert
/// row per integration, status and archive flag, in key order (so concurrent writers on PostgreSQL lock count rows in the
/// same order). Nothing is written per record.
/// </summary>
public sealed class RecordCountDeltas
{
    private readonly Dictionary<CountKey, long> _deltas = [];

    public bool IsEmpty => _deltas.Values.All(d => d == 0);

    public void Add(CountKey key, long count = 1)
    {
        if (count != 0)
        {
            _deltas[key] = _deltas.GetValueOrDefault(key) + count;
        }
    }

    public void Remove(CountKey key, long count = 1) => Add(key, -count);

    public void Move(CountKey from, CountKey to)
    {
        if (from != to)
        {
            Remove(from);
            Add(to);
        }
    }

    public void Add(RecordCountDeltas other)
    {
        foreach (var (key, delta) in other._deltas)
        {
            Add(key, delta);
        }
    }

    /// <summary>The change from <paramref name="before"/> to <paramref name="after"/> (counts of the same records, read twice).</summary>
    public static RecordCountDeltas Between(RecordCountDeltas before, RecordCountDeltas after)
    {
        var delta = new RecordCountDeltas();
        delta.Add(after);
        foreach (var (key, count) in before._deltas)
        {
            delta.Remove(key, count);
        }

        return delta;
    }

    /// <summary>Writes the deltas in the caller's transaction; nothing when every delta is zero.</summary>
    public async Task ApplyAsync(SyncHubDbContext db, CancellationToken cancellationToken)
    {
        var rows = _deltas.Where(d => d.Value != 0).OrderBy(d => d.Key).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var sql = new StringBuilder("""INSERT INTO "RecordCounts" ("IntegrationId", "Status", "Archived", "Count") VALUES """);
        var parameters = new List<object>(rows.Count * 4);
        for (var i = 0; i < rows.Count; i++)
        {
            var (key, delta) = rows[i];
            var p = i * 4;
            sql.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? ", " : "")}({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}})");
            parameters.AddRange([key.IntegrationId, (int)key.Status, key.Archived, delta]);
        }

        sql.Append(""" ON CONFLICT ("IntegrationId", "Status", "Archived") DO UPDATE SET "Count" = "RecordCounts"."Count" + excluded."Count" """);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        _deltas.Clear();
    }

    /// <summary>The current counts of the given records, by integration, status and archive flag (one grouped read).</summary>
    public static async Task<RecordCountDeltas> OfAsync(SyncHubDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var counts = new RecordCountDeltas();
        if (ids.Count == 0)
        {
            return counts;
        }

        // One JSON parameter whatever the size of the set (EF would bind one parameter per id, past SQLite's limit).
        var rows = await db.Records.Where(r => EF.Parameter(ids).Contains(r.Id))
            .GroupBy(r => new { r.IntegrationId, r.Status, Archived = r.ArchivedAt != null })
            .Select(g => new { g.Key.IntegrationId, g.Key.Status, g.Key.Archived, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            counts.Add(new CountKey(row.IntegrationId, row.Status, row.Archived), row.Count);
        }

        return counts;
    }
}
