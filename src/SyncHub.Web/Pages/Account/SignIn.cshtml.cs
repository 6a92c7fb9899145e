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
public sealed partial class SignInModel(SignInManager<SyncHubUser> signIn, SignInThrottle throttle, IAuditLog audit, TimeProvider time, ILogger<SignInModel> logger) : PageModel
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

        var email = Form.Email.Trim();
        var address = SecurityServiceCollectionExtensions.ClientAddress(HttpContext);
        if (throttle.Check(email, address) is { } wait)
        {
            return await RefusedAsync(wait.AccountWide ? "account backing off" : "locked out from this address", Waiting(wait), lockedOut: true);
        }

        // Identity's own lockout is left to the administrator's Lock button; failures are counted per account and address.
        var result = await signIn.PasswordSignInAsync(email, Form.Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            throttle.Succeeded(email, address);
            LogSignedIn(LogSafe(Form.Email));
            await audit.WriteAsync(LogSafe(Form.Email), AccountAuditActions.SignIn, AccountAuditActions.UserTarget(LogSafe(Form.Email)), null, HttpContext.RequestAborted);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            return await RefusedAsync("locked by an administrator", "This account is locked. Ask an administrator.", lockedOut: true);
        }

        var locks = result.IsNotAllowed ? null : throttle.Failed(email, address);
        return await RefusedAsync(
            result.IsNotAllowed ? "not allowed" : "wrong email or password",
            locks is { } now ? Waiting(now) : "The email or password is not right.",
            lockedOut: locks is not null);
    }

    private async Task<IActionResult> RefusedAsync(string reason, string error, bool lockedOut)
    {
        LogSignInRefused(LogSafe(Form.Email), lockedOut);
        // The email as typed (it may name no account); never the password.
        await audit.WriteAsync(LogSafe(Form.Email), AccountAuditActions.SignInRefused, AccountAuditActions.UserTarget(LogSafe(Form.Email)), reason, HttpContext.RequestAborted);
        Error = error;
        return Page();
    }

    private string Waiting(SignInWait wait)
    {
        var left = wait.Until - time.GetUtcNow();
        var span = left.TotalSeconds < 90 ? $"{Math.Max(1, Math.Ceiling(left.TotalSeconds)):0} seconds" : $"{Math.Ceiling(left.TotalMinutes):0} minutes";
        return wait.AccountWide
            ? $"Too many failed sign-ins to this account from elsewhere; sign-ins from new places wait a little. Try again in {span}."
            : $"Sign-in to this account from your address is locked after too many failed attempts. Try again in {span} or ask an administrator.";
    }

    // Typed by whoever is at the form: no control characters into the log, and not too much of it.
    private static string LogSafe(string text) => new([.. text.Where(c => !char.IsControl(c)).Take(100)]);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Email} signed in")]
    private partial void LogSignedIn(string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {Email} (locked out or waiting: {LockedOut})")]
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
