using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SyncHub.Core.Audit;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Account;

[EnableRateLimiting(SecurityServiceCollectionExtensions.SignInRateLimit)]
public sealed partial class SignInModel(SignInManager<SyncHubUser> signIn, IAuditLog audit, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(Name = "Form")]
    public SignInForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid || !TryValidateModel(Form, nameof(Form)))
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Form.Email.Trim(), Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn(LogSafe(Form.Email));
            await audit.WriteAsync(LogSafe(Form.Email), AccountAuditActions.SignIn, AccountAuditActions.UserTarget(LogSafe(Form.Email)), null, HttpContext.RequestAborted);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        LogSignInRefused(LogSafe(Form.Email), result.IsLockedOut);
        // The email as typed (it may name no account); never the password.
        await audit.WriteAsync(LogSafe(Form.Email), AccountAuditActions.SignInRefused, AccountAuditActions.UserTarget(LogSafe(Form.Email)),
            result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong email or password", HttpContext.RequestAborted);
        Error = result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again later or ask an administrator."
            : "The email or password is not right.";
        return Page();
    }

    // Typed by whoever is at the form: no control characters into the log, and not too much of it.
    private static string LogSafe(string text) => new([.. text.Where(c => !char.IsControl(c)).Take(100)]);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Email} signed in")]
    private partial void LogSignedIn(string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {Email} (locked out: {LockedOut})")]
    private partial void LogSignInRefused(string email, bool lockedOut);

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter an email address.")]
        [StringLength(256)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(256)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }
}
