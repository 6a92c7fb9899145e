using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Audit;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Account;

/// <summary>POST only: a link or image cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<SyncHubUser> signIn, IAuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            await audit.WriteAsync(name, AccountAuditActions.SignOut, AccountAuditActions.UserTarget(name), null, HttpContext.RequestAborted);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
