using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Reconcile;

/// <summary>How reconciliation statuses, kinds and modes read on the pages, and the kinds' names in links.</summary>
public static class ReconcileDisplay
{
    public static IReadOnlyList<ReconcileDifferenceKind> Kinds { get; } =
        [ReconcileDifferenceKind.Missing, ReconcileDifferenceKind.Different, ReconcileDifferenceKind.Extra, ReconcileDifferenceKind.NotCompared];

    public static string Status(ReconcileStatus status) => status switch
    {
        ReconcileStatus.Running => "Comparing",
        ReconcileStatus.Completed => "Completed",
        ReconcileStatus.Failed => "Failed",
        ReconcileStatus.TimedOut => "Timed out",
        _ => "Cancelled",
    };

    public static string StatusCss(ReconcileStatus status) => status switch
    {
        ReconcileStatus.Running => "badge status-pending",
        ReconcileStatus.Completed => "badge badge-ok",
        ReconcileStatus.TimedOut => "badge badge-transient",
        ReconcileStatus.Failed => "badge status-failed",
        _ => "badge",
    };

    public static string Kind(ReconcileDifferenceKind kind) => kind switch
    {
        ReconcileDifferenceKind.Missing => "Missing",
        ReconcileDifferenceKind.Different => "Different",
        ReconcileDifferenceKind.Extra => "Extra",
        _ => "Not compared",
    };

    public static string KindCss(ReconcileDifferenceKind kind) => kind switch
    {
        ReconcileDifferenceKind.Missing => "badge status-failed",
        ReconcileDifferenceKind.Different => "badge badge-transient",
        ReconcileDifferenceKind.Extra => "badge badge-data",
        _ => "badge",
    };

    /// <summary>The kind's name in a link: <c>missing</c>, <c>different</c>, <c>extra</c>, <c>not-compared</c>.</summary>
    public static string Slug(ReconcileDifferenceKind kind) => kind == ReconcileDifferenceKind.NotCompared ? "not-compared" : kind.ToString().ToLowerInvariant();

    public static ReconcileDifferenceKind? ParseKind(string? slug) => Kinds.Cast<ReconcileDifferenceKind?>().FirstOrDefault(k => Slug(k!.Value) == slug);

    public static string Mode(DestinationReadMode mode) => mode == DestinationReadMode.Lookup
        ? "looked up one by one (extra records cannot be seen)"
        : "listed";

    /// <summary>The range as days: [from, to) reads as "2026-03-01 to 2026-03-31" when it covers whole days.</summary>
    public static string Range(DateTimeOffset from, DateTimeOffset to) =>
        from.TimeOfDay == TimeSpan.Zero && to.TimeOfDay == TimeSpan.Zero
            ? $"{from.UtcDateTime:yyyy-MM-dd} to {to.AddDays(-1).UtcDateTime:yyyy-MM-dd}"
            : $"{Display.Time(from)} to {Display.Time(to)}";

    public static string SyncHubStatus(RecordStatus? status, long? recordId) => (status, recordId) switch
    {
        (null, null) => "Not in SyncHub yet",
        (null, _) => "—",
        ({ } known, _) => Display.Status(known),
    };
}
