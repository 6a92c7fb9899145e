using SyncHub.Connectors;

namespace SyncHub.Web.Pages.Failed;

/// <summary>What the failed page's query string asks to list: integration, tab, filters, group queue, listed status, page.</summary>
public sealed record FailedListRequest(
    string? Integration, string? Tab, long? Before, ErrorClass? ErrorClass, FailedFilters Filters, string? Queue, string? StatusFilter);
