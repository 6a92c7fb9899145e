using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Audit;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Account;

/// <summary>
/// POST only: a link or image cannot sign anyone out. Signing out ends the session for good: the user's security
/// stamp changes, so a copy of the cookie taken before stops working too (the stamp is checked on every request).
/// </summary>
public sealed class SignOutModel(SignInManager<SyncHubUser> signIn, UserManager<SyncHubUser> users, IAuditLog audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            if (await users.GetUserAsync(User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await audit.WriteAsync(name, AccountAuditActions.SignOut, AccountAuditActions.UserTarget(name), null, HttpContext.RequestAborted);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
