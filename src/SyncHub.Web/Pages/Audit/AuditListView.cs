using System.Globalization;
using System.Text.RegularExpressions;
using SyncHub.Core.Audit;

namespace SyncHub.Web.Pages.Audit;

/// <summary>One page of the audit log and the filters that made it, for the list fragment.</summary>
public sealed partial record AuditListView(AuditPage Page, AuditFilterForm Filter)
{
    private const int DetailLength = 160;

    /// <summary>The list handler's URL for the same filters, optionally from a cursor.</summary>
    public string ListUrl(long? before = null)
    {
        var query = new List<string> { "handler=List" };
        Add(query, "actor", Filter.Actor);
        Add(query, "action", Filter.Action);
        Add(query, "target", Filter.Target);
        Add(query, "from", Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "to", Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(query, "before", before?.ToString(CultureInfo.InvariantCulture));
        return "/audit?" + string.Join("&", query);
    }

    /// <summary>The record a target such as <c>record 42</c> names, if it names one.</summary>
    public static long? RecordId(string target) =>
        RecordTarget().Match(target) is { Success: true } match && long.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string Truncate(string? detail) =>
        detail is null ? "" : detail.Length <= DetailLength ? detail : detail[..(DetailLength - 1)] + "…";

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }

    [GeneratedRegex(@"^record (\d{1,18})$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordTarget();
}
