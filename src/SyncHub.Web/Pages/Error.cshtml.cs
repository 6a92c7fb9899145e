using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SyncHub.Web.Pages;

/// <summary>
/// Where an unhandled exception ends up, for any method: the failed request is re-run here, so this page must
/// not demand an antiforgery token (that would turn a crash into a misleading 400). API callers get problem JSON.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public IActionResult OnGet() => Answer();

    public IActionResult OnPost() => Answer();

    private IActionResult Answer()
    {
        var failedPath = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        if (failedPath is null)
        {
            return Page();
        }

        if (failedPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal error",
                Detail = "SyncHub could not finish this request; nothing was half-written. The server log has the details.",
            };
            return new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return Page();
    }
}
