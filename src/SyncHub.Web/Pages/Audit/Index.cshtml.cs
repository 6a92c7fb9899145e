using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Audit;

namespace SyncHub.Web.Pages.Audit;

/// <summary>The audit log, newest first, read-only: administrators see who did what; nothing here changes it.</summary>
public sealed class IndexModel(AuditQuery query) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public AuditFilterForm Filter { get; set; } = new();

    public AuditListView List { get; private set; } = null!;

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Actions = await query.ActionsAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetListAsync(CancellationToken cancellationToken)
    {
        Response.Headers.Vary = "HX-Request";
        if (!Request.IsHtmx())
        {
            return await OnGetAsync(cancellationToken);
        }

        await LoadAsync(cancellationToken);
        return Partial("Partials/_AuditList", List);
    }

    /// <summary>The log is append-only: there is nothing to post here.</summary>
    public IActionResult OnPost() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var filter = ModelState.IsValid ? Filter : new AuditFilterForm();
        List = new AuditListView(await query.PageAsync(filter.ToFilter(), PageSize, cancellationToken), filter);
    }
}
