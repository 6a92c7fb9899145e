using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.ApiReference;

/// <summary>
/// The API reference (Scalar) for any signed-in user: every operation of /openapi/v1.json with its examples, and a
/// client to try calls with an API key. Its script is served by SyncHub (no outside network); its policy adds only
/// inline styles to the strict one (see <see cref="ContentSecurityPolicy.ApiReference"/>).
/// </summary>
public sealed class IndexModel : PageModel
{
    public void OnGet() => ContentSecurityPolicy.Use(HttpContext, ContentSecurityPolicy.ApiReference);
}
