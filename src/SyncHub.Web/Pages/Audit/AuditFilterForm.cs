using System.ComponentModel.DataAnnotations;
using SyncHub.Core.Audit;

namespace SyncHub.Web.Pages.Audit;

/// <summary>The audit page's filters, from the query string so a filtered view can be bookmarked.</summary>
public sealed class AuditFilterForm
{
    [StringLength(256)]
    public string? Actor { get; set; }

    [StringLength(100)]
    public string? Action { get; set; }

    [StringLength(200)]
    public string? Target { get; set; }

    /// <summary>First day shown (UTC).</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day shown (UTC), inclusive.</summary>
    public DateOnly? To { get; set; }

    public long? Before { get; set; }

    public AuditFilter ToFilter() => new(
        Actor,
        Action,
        Target,
        From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        Before);
}
