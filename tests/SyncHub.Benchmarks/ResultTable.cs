using System.Globalization;
using System.Text;

namespace SyncHub.Benchmarks;

/// <summary>The results as a markdown table, ready for docs/benchmarks.md.</summary>
internal static class ResultTable
{
    public static string Render(IEnumerable<ResultRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | SyncHub | limit | ratio | target | met? |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            // Small ratios keep their significant digits: 0.0034× says more than 0.00×.
            var ratio = row.Ratio is { } r ? r.ToString(r >= 0.1 ? "0.00" : "0.0000", CultureInfo.InvariantCulture) + "×" : "–";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Scenario} | {row.SyncHub} | {row.Limit} | {ratio} | {row.Target} | {(row.Target == "–" ? "–" : row.Met ? "yes" : "**no**")} |");
        }

        return text.ToString();
    }
}
