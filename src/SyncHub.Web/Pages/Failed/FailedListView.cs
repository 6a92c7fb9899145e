using SyncHub.Core.Queries;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Failed;

/// <summary>What the failed list fragment shows; <see cref="OutOfBand"/> marks it for an hx-swap-oob update.</summary>
public sealed record FailedListView(
    FailedRecordPage Page,
    IReadOnlyList<Integration> Integrations,
    string? IntegrationSlug,
    long? Before,
    StatusCounts Counts,
    DateTimeOffset Now,
    string? Message = null,
    bool OutOfBand = false)
{
    public string Query(string handler, string? extra = null)
    {
        var query = $"/failed?handler={handler}";
        if (IntegrationSlug is not null)
        {
            query += "&integration=" + Uri.EscapeDataString(IntegrationSlug);
        }

        return extra is null ? query : query + "&" + extra;
    }
}
