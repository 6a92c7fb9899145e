using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Account;

/// <summary>POST only: a link or image cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<SyncHubUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
