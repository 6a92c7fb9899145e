using SyncHub.Core.Queries;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>
/// The statuses the "Skipped and other statuses" tab lists, by their query-string value (<c>status=skipped</c>).
/// With the Failed and Dead letter tabs they cover every status a record can have.
/// </summary>
public static class ListedStatuses
{
    public static IReadOnlyList<RecordStatus> All { get; } =
    [
        RecordStatus.Skipped, RecordStatus.Blocked, RecordStatus.NeedsReview, RecordStatus.Dismissed,
        RecordStatus.Pending, RecordStatus.InFlight, RecordStatus.Delivered,
    ];

    public static string Value(RecordStatus status) => status switch
    {
        RecordStatus.NeedsReview => "needs-review",
        RecordStatus.InFlight => "in-flight",
        RecordStatus.DeadLetter => "dead-letter",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>A listed status, or skipped for anything else.</summary>
    public static RecordStatus Parse(string? value) => All.FirstOrDefault(s => Value(s) == value, RecordStatus.Skipped);

    /// <summary>How many active records have the status; null where the counts include archived records, which this tab leaves out.</summary>
    public static int? CountOf(StatusCounts counts, RecordStatus status) => status switch
    {
        RecordStatus.Skipped => counts.Skipped,
        RecordStatus.Blocked => counts.Blocked,
        RecordStatus.NeedsReview => counts.NeedsReview,
        RecordStatus.Dismissed => counts.Dismissed,
        _ => null,
    };
}
