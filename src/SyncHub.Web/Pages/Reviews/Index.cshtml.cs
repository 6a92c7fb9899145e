using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Duplicates;

namespace SyncHub.Web.Pages.Reviews;

/// <summary>Potential duplicates: open reviews first; the Decided tab keeps every decision with who made it.</summary>
public sealed class IndexModel(DuplicateReviewService reviews, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Integration { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    public bool ShowOpen => Tab != "decided";

    public IReadOnlyList<DuplicateReviewRow> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Rows = await reviews.ListAsync(ShowOpen, string.IsNullOrWhiteSpace(Integration) ? null : Integration, cancellationToken);
    }
}
