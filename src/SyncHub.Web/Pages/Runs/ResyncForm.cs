namespace SyncHub.Web.Pages.Runs;

/// <summary>The resync dialog: Sync now (incremental), a date range, or a full re-import (confirmed).</summary>
public sealed class ResyncForm
{
    public const string Incremental = "incremental";
    public const string DateRange = "date-range";
    public const string Full = "full";

    public string? Mode { get; set; } = Incremental;

    public DateOnly? From { get; set; }

    /// <summary>Inclusive: the whole day is read.</summary>
    public DateOnly? To { get; set; }

    public bool ConfirmFull { get; set; }
}
