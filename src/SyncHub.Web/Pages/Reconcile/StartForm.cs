namespace SyncHub.Web.Pages.Reconcile;

/// <summary>The "Reconcile" form: an integration and the days to compare (both inclusive).</summary>
public sealed class StartForm
{
    public string? Integration { get; set; }

    public DateOnly? From { get; set; }

    /// <summary>Inclusive: the whole day is compared.</summary>
    public DateOnly? To { get; set; }
}
