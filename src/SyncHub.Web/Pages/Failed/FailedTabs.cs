namespace SyncHub.Web.Pages.Failed;

/// <summary>The tabs of the Failed page, by their stable query-string value (<c>/failed?tab=dead-letter</c>).</summary>
public static class FailedTabs
{
    public const string Failed = "failed";
    public const string DeadLetter = "dead-letter";

    /// <summary>Records of any other status (skipped by default), chosen with <c>status=</c>: nothing is out of sight.</summary>
    public const string ByStatus = "status";
    public const string Archived = "archived";
    public const string Groups = "groups";

    public static IReadOnlyList<string> All { get; } = [Failed, DeadLetter, ByStatus, Archived, Groups];

    /// <summary>The tabs that list records and take the list filters (entity type, search, ...).</summary>
    public static bool IsFiltered(string tab) => tab is Failed or DeadLetter or ByStatus;

    /// <summary>A known tab, or the Failed tab for anything else.</summary>
    public static string Normalize(string? tab) => All.FirstOrDefault(t => t == tab) ?? Failed;

    public static string Label(string tab) => tab switch
    {
        DeadLetter => "Dead letter",
        ByStatus => "Skipped and other statuses",
        Archived => "Archived",
        Groups => "Failure groups",
        _ => "Failed",
    };
}
