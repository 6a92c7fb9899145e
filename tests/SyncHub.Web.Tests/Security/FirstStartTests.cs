using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Security;

/// <summary>No administrator configured: SyncHub makes one with a one-time password that must be replaced first.</summary>
public sealed class FirstStartTests : IDisposable
{
    private const string OneTimePassword = "one-time-password-42";
    private const string ChosenPassword = "my-own-password-2026";
    private readonly SyncHubWebFactory _factory = new();

    public FirstStartTests()
    {
        _factory.Settings["SyncHub:Admin:Email"] = "";
        _factory.Settings["SyncHub:Admin:Password"] = "";
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Start_NoAdministratorConfigured_CreatesTheDefaultAdministratorWhoMustChangePassword()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>();

        var admin = await users.FindByEmailAsync(AccountBootstrapper.DefaultAdminEmail);

        admin.ShouldNotBeNull();
        AccountBootstrapper.DefaultAdminEmail.ShouldBe("admin@synchub.local");
        (await users.GetRolesAsync(admin)).ShouldBe([Roles.Administrator]);
        admin.MustChangePassword.ShouldBeTrue();
        users.Users.Count().ShouldBe(1);
    }

    [Fact]
    public async Task SignIn_WithTheOneTimePassword_MustChooseANewPasswordBeforeAnythingElse()
    {
        await SetAdminPasswordAsync(OneTimePassword);
        using var browser = Browser.Anonymous(_factory);
        await SyncHubWebFactory.SignInAsync(browser.Client, AccountBootstrapper.DefaultAdminEmail, OneTimePassword);

        foreach (var url in new[] { "/", "/failed", "/users" })
        {
            using var blocked = await browser.Client.GetAsync(url);
            blocked.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            blocked.Headers.Location?.OriginalString.ShouldBe("/account/change-password", url);
        }

        var form = await browser.OpenAsync("/account/change-password");
        form.Single(".notice").TextContent.ShouldContain("one-time password");
        using var changed = await browser.FormPostAsync("/account/change-password",
        [
            new("Form.CurrentPassword", OneTimePassword),
            new("Form.NewPassword", ChosenPassword),
            new("Form.ConfirmPassword", ChosenPassword),
        ]);

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync());
        (await browser.OpenAsync("/")).Single("#integration-status");
        var admin = await FindAdminAsync();
        admin.MustChangePassword.ShouldBeFalse();
        using var fresh = Browser.Anonymous(_factory);
        await SyncHubWebFactory.SignInAsync(fresh.Client, AccountBootstrapper.DefaultAdminEmail, ChosenPassword);
        (await fresh.OpenAsync("/failed")).Single("#failed-list");
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_StaysOnTheFormAndKeepsTheRequirement()
    {
        await SetAdminPasswordAsync(OneTimePassword);
        using var browser = Browser.Anonymous(_factory);
        await SyncHubWebFactory.SignInAsync(browser.Client, AccountBootstrapper.DefaultAdminEmail, OneTimePassword);
        await browser.OpenAsync("/account/change-password");

        using var response = await browser.FormPostAsync("/account/change-password",
        [
            new("Form.CurrentPassword", "not-the-one-time-password-1"),
            new("Form.NewPassword", ChosenPassword),
            new("Form.ConfirmPassword", ChosenPassword),
        ]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FindAdminAsync()).MustChangePassword.ShouldBeTrue();
        using var home = await browser.Client.GetAsync("/");
        home.Headers.Location?.OriginalString.ShouldBe("/account/change-password");
    }

    // The generated password is only printed to the console; the test gives the account one it knows.
    private async Task SetAdminPasswordAsync(string password)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>();
        var admin = (await users.FindByEmailAsync(AccountBootstrapper.DefaultAdminEmail))!;
        (await users.RemovePasswordAsync(admin)).Succeeded.ShouldBeTrue();
        (await users.AddPasswordAsync(admin, password)).Succeeded.ShouldBeTrue();
        admin.MustChangePassword.ShouldBeTrue();
    }

    private async Task<SyncHubUser> FindAdminAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>();
        return (await users.FindByEmailAsync(AccountBootstrapper.DefaultAdminEmail))!;
    }
}
