using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Security;

/// <summary>
/// On first start (no users yet) creates the roles and an administrator: from <c>SyncHub:Admin:Email</c> and
/// <c>SyncHub:Admin:Password</c> when configured, otherwise with a one-time password printed once to the
/// console (never logged) that must be changed at first sign-in.
/// </summary>
internal sealed partial class AccountBootstrapper(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<AccountBootstrapper> logger) : IHostedService
{
    public const string DefaultAdminEmail = "admin@synchub.local";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>();
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var email = configuration["SyncHub:Admin:Email"] is { Length: > 0 } configuredEmail ? configuredEmail : DefaultAdminEmail;
        var password = configuration["SyncHub:Admin:Password"];
        var generated = string.IsNullOrEmpty(password);
        password = generated ? OneTimePassword.Generate() : password!;
        var admin = new SyncHubUser { UserName = email, Email = email, EmailConfirmed = true, MustChangePassword = generated, CreatedAt = time.GetUtcNow() };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "SyncHub:Admin:Email / SyncHub:Admin:Password could not create the administrator: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Administrator);
        LogAdministratorCreated(email);
        if (generated)
        {
            await Console.Out.WriteLineAsync(
                $"""

                ==================================================================
                 SyncHub created the administrator account {email}
                 One-time password: {password}
                 Sign in and choose your own password. This is shown only once.
                ==================================================================

                """);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the administrator account {Email}")]
    private partial void LogAdministratorCreated(string email);
}
