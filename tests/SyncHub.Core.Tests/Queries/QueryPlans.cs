using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SyncHub.Data;

namespace SyncHub.Core.Tests.Queries;

/// <summary>SQLite's EXPLAIN QUERY PLAN for a statement EF Core would send, as its detail lines joined by " | ".</summary>
internal static class QueryPlans
{
    // ToQueryString puts the parameters first as ".param set @name value" lines.
    public static async Task<string> ExplainAsync(SyncHubDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        var lines = sql.Split('\n');
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line.Split(' ', 4);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[2];
            parameter.Value = long.TryParse(parts[3].Trim(), out var number) ? number : parts[3].Trim().Trim('\'');
            command.Parameters.Add(parameter);
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return string.Join(" | ", details);
    }

    /// <summary>The plan of a hand-written statement with EF's <c>{n}</c> placeholders and its values.</summary>
    public static Task<string> ExplainAsync(SyncHubDbContext db, string sql, IReadOnlyList<object> values)
    {
        var lines = values.Select((v, i) => $".param set @p{i} {(v is string text ? "'" + text + "'" : Convert.ToString(v is Guid g ? g.ToString().ToUpperInvariant() : v is bool b ? (b ? 1 : 0) : v, System.Globalization.CultureInfo.InvariantCulture))}");
        var text = sql;
        for (var i = values.Count - 1; i >= 0; i--)
        {
            text = text.Replace("{" + i + "}", "@p" + i, StringComparison.Ordinal);
        }

        return ExplainAsync(db, string.Join('\n', lines) + "\n" + text);
    }
}
