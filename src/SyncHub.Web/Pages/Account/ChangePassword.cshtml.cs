using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SyncHub.Core.Audit;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Account;

[Authorize]
public sealed class ChangePasswordModel(UserManager<SyncHubUser> users, SignInManager<SyncHubUser> signIn, IAuditLog audit) : PageModel
{
    [BindProperty(Name = "Form")]
    public ChangePasswordForm Form { get; set; } = new();

    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        Required = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        Required = user.MustChangePassword;
        if (!ModelState.IsValid || !TryValidateModel(Form, nameof(Form)))
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Form.CurrentPassword, Form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Mismatch", StringComparison.Ordinal) ? "Form.CurrentPassword" : "Form.NewPassword", error.Description);
            }

            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        var name = user.Email ?? user.UserName ?? user.Id;
        await audit.WriteAsync(name, AccountAuditActions.PasswordChange, AccountAuditActions.UserTarget(name), null, HttpContext.RequestAborted);
        return RedirectToPage("/Index");
    }

    public sealed class ChangePasswordForm
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password.")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "Use at least 12 characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = "";
    }
}
