using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Duplicates;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Reviews;

/// <summary>One potential duplicate side by side with the destination's candidates; operators merge or keep apart.</summary>
[OperatorActions]
public sealed class DetailsModel(DuplicateReviewService reviews, TimeProvider time) : PageModel
{
    public DuplicateReviewDetails Details { get; private set; } = null!;

    public ReviewComparison Comparison { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool Succeeded { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await reviews.GetAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        Comparison = ReviewComparison.From(details);
        Now = time.GetUtcNow();
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(long id, string? survivor, CancellationToken cancellationToken) =>
        Decided(await reviews.MergeAsync(id, survivor, Actor, cancellationToken), id);

    public async Task<IActionResult> OnPostKeepApartAsync(long id, CancellationToken cancellationToken) =>
        Decided(await reviews.KeepApartAsync(id, Actor, cancellationToken), id);

    private string Actor => User.ToActor().Name;

    private IActionResult Decided(DuplicateDecisionResult result, long id)
    {
        if (result.Outcome == DuplicateDecisionOutcome.NotFound)
        {
            return NotFound();
        }

        Message = result.Message;
        Succeeded = result.Succeeded;
        return RedirectToPage(new { id });
    }
}
