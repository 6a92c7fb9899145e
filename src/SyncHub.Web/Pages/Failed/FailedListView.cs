using SyncHub.Connectors;
using SyncHub.Core.Failures.Groups;
using SyncHub.Core.Queries;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>
/// What one tab's list fragment shows. <see cref="OutOfBand"/> marks the list for an hx-swap-oob update;
/// <see cref="StandAlone"/> means it is the whole htmx response, so it brings the tab counts along out of band.
/// </summary>
public sealed record FailedListView(
    FailedRecordPage Page,
    IReadOnlyList<Integration> Integrations,
    string? IntegrationSlug,
    long? Before,
    StatusCounts Counts,
    DateTimeOffset Now,
    string? Message = null,
    bool OutOfBand = false,
    string Tab = FailedTabs.Failed,
    bool StandAlone = false,
    ErrorClass? ErrorClass = null,
    FailedFilters? Filters = null,
    IReadOnlyList<FailureGroup>? Groups = null,
    string GroupQueue = FailedTabs.Failed,
    RecordStatus ListedStatus = RecordStatus.Skipped)
{
    /// <summary>The groups tab shows the dead-letter queue's groups rather than the failed queue's.</summary>
    public bool DeadLetterGroups => GroupQueue == FailedTabs.DeadLetter;

    /// <summary>The list filters in force (none on the Archived and groups tabs).</summary>
    public FailedFilters ActiveFilters => FailedTabs.IsFiltered(Tab) ? Filters ?? FailedFilters.None : FailedFilters.None;

    /// <summary>Whether anything narrows the list beyond the integration.</summary>
    public bool IsFiltered => ErrorClass is not null || !ActiveFilters.IsEmpty;

    /// <summary>The classes the error-class filter offers.</summary>
    public static IReadOnlyList<ErrorClass> ErrorClasses { get; } = [.. Enum.GetValues<ErrorClass>().Where(c => c != SyncHub.Connectors.ErrorClass.None)];

    /// <summary>The element id of this tab's list, the target of its own htmx requests.</summary>
    public string ListId => Tab switch
    {
        FailedTabs.DeadLetter => "dead-letter-list",
        FailedTabs.ByStatus => "status-list",
        FailedTabs.Archived => "archived-list",
        FailedTabs.Groups => "failure-groups",
        _ => "failed-list",
    };

    public string PartialName => Tab switch
    {
        FailedTabs.DeadLetter => "Partials/_DeadLetterList",
        FailedTabs.ByStatus => "Partials/_StatusList",
        FailedTabs.Archived => "Partials/_ArchivedList",
        FailedTabs.Groups => "Partials/_FailureGroups",
        _ => "Partials/_FailedList",
    };

    /// <summary>The count in a tab's label; the groups tab and the status tab (its list names its own) have none.</summary>
    public int? CountOf(string tab) => tab switch
    {
        FailedTabs.Groups or FailedTabs.ByStatus => null,
        FailedTabs.DeadLetter => Counts.DeadLetter,
        FailedTabs.Archived => Counts.Archived,
        _ => Counts.Failed,
    };

    /// <summary>A handler URL on this tab and integration.</summary>
    public string Query(string handler, string? extra = null) => Url(Tab, handler, extra);

    /// <summary>The page (no handler) or a handler URL for any tab, keeping the integration and, on the record tabs, the list filters.</summary>
    public string Url(string tab, string? handler = null, string? extra = null)
    {
        var parameters = new List<string>();
        if (handler is not null)
        {
            parameters.Add("handler=" + handler);
        }

        if (tab != FailedTabs.Failed)
        {
            parameters.Add("tab=" + tab);
        }

        if (IntegrationSlug is not null)
        {
            parameters.Add("integration=" + Uri.EscapeDataString(IntegrationSlug));
        }

        if (tab == FailedTabs.Groups && DeadLetterGroups)
        {
            parameters.Add("queue=" + FailedTabs.DeadLetter);
        }

        if (tab == FailedTabs.ByStatus)
        {
            parameters.Add("status=" + ListedStatuses.Value(ListedStatus));
        }

        if (FailedTabs.IsFiltered(tab))
        {
            if (ErrorClass is { } errorClass)
            {
                parameters.Add("errorClass=" + errorClass);
            }

            parameters.AddRange((Filters ?? FailedFilters.None).QueryParameters());
        }

        if (extra is not null)
        {
            parameters.Add(extra);
        }

        return parameters.Count == 0 ? "/failed" : "/failed?" + string.Join("&", parameters);
    }
}
