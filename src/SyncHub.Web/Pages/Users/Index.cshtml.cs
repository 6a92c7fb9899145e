using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Audit;
using SyncHub.Data.Entities;
using SyncHub.Web.Security;

namespace SyncHub.Web.Pages.Users;

/// <summary>Administrators add people with a role, change roles, reset passwords, lock accounts and sign users out everywhere.</summary>
public sealed class IndexModel(UserManager<SyncHubUser> users, IAuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty(Name = "Form")]
    public NewUserForm Form { get; set; } = new();

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>A generated password, shown once right after it was made.</summary>
    public string? OneTimePassword { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ModelState.IsValid || !TryValidateModel(Form, nameof(Form)))
        {
            await LoadAsync();
            return Page();
        }

        var password = Security.OneTimePassword.Generate();
        var user = new SyncHubUser { UserName = Form.Email.Trim(), Email = Form.Email.Trim(), EmailConfirmed = true, MustChangePassword = true, CreatedAt = time.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError("Form.Email", error.Description);
            }

            await LoadAsync();
            return Page();
        }

        await users.AddToRoleAsync(user, Form.Role);
        await AuditAsync(AccountAuditActions.UserCreate, user, "role " + Form.Role);
        return await DoneAsync($"Added {user.Email} as {Form.Role}. Give them this one-time password; they choose their own at first sign-in.", password);
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !Roles.All.Contains(role))
        {
            return await DoneAsync("Nothing changed: unknown user or role.");
        }

        if (await IsLastAdministratorAsync(user) && role != Roles.Administrator)
        {
            return await DoneAsync("The last administrator cannot be demoted.");
        }

        var before = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, before);
        await users.AddToRoleAsync(user, role);
        await AuditAsync(AccountAuditActions.UserRole, user, $"{string.Join(",", before)} -> {role}");
        return await DoneAsync($"{user.Email} is now {role}.");
    }

    public async Task<IActionResult> OnPostResetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return await DoneAsync("Nothing changed: unknown user.");
        }

        var password = Security.OneTimePassword.Generate();
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password);
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(AccountAuditActions.UserReset, user, null);
        return await DoneAsync($"New one-time password for {user.Email}; their other sessions are signed out.", password);
    }

    public async Task<IActionResult> OnPostLockAsync(string id, bool locked)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || (locked && user.UserName == User.Identity?.Name))
        {
            return await DoneAsync("Nothing changed: you cannot lock your own account.");
        }

        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(locked ? AccountAuditActions.UserLock : AccountAuditActions.UserUnlock, user, null);
        return await DoneAsync(locked ? $"{user.Email} is locked out." : $"{user.Email} can sign in again.");
    }

    /// <summary>Ends every session of the user, on every device: their security stamp changes, so every cookie they hold stops working.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return await DoneAsync("Nothing changed: unknown user.");
        }

        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(AccountAuditActions.UserSignOutEverywhere, user, null);
        return await DoneAsync(user.UserName == User.Identity?.Name
            ? "You are signed out everywhere, here too on your next click."
            : $"{user.Email} is signed out everywhere.");
    }

    // Never the one-time password: the entry says a reset happened, not what it was.
    private Task AuditAsync(string action, SyncHubUser user, string? detail) =>
        audit.WriteAsync(User.ToActor().Name, action, AccountAuditActions.UserTarget(user.Email ?? user.Id), detail, HttpContext.RequestAborted);

    private async Task<bool> IsLastAdministratorAsync(SyncHubUser user) =>
        await users.IsInRoleAsync(user, Roles.Administrator) && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 1;

    private async Task<IActionResult> DoneAsync(string message, string? password = null)
    {
        Message = message;
        OneTimePassword = password;
        ModelState.Clear();
        Form = new NewUserForm();
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var now = time.GetUtcNow();
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync())
        {
            var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "—";
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, role, user.LockoutEnd > now, user.MustChangePassword));
        }

        Rows = rows;
    }
}
