using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Security;

/// <summary>
/// The administrator's user management, through the page's own forms. No test here makes a second
/// administrator, so the configured one stays the last.
/// </summary>
public sealed class UsersPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Create_OperatorThroughTheForm_ShowsAOneTimePasswordThatMustBeChangedAtFirstSignIn()
    {
        using var admin = await Browser.SignedInAsync(factory);
        await admin.OpenAsync("/users");

        using var response = await admin.FormPostAsync("/users?handler=Create", [new("Form.Email", "new-operator@test.local"), new("Form.Role", Roles.Operator)]);

        var page = await PageOf(response);
        page.Single("#result-message").TextContent.ShouldContain("Added new-operator@test.local as Operator");
        var password = page.Single("#one-time-password").TextContent.Trim();
        password.Length.ShouldBeGreaterThanOrEqualTo(12);
        RowOf(page, "new-operator@test.local").Single("select[name=role] option[selected]").GetAttribute("value").ShouldBe(Roles.Operator);
        using var newcomer = Browser.Anonymous(factory);
        await SyncHubWebFactory.SignInAsync(newcomer.Client, "new-operator@test.local", password);
        using var home = await newcomer.Client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location?.OriginalString.ShouldBe("/account/change-password");
        (await newcomer.OpenAsync("/account/change-password")).Single(".notice").TextContent.ShouldContain("one-time password");
    }

    [Fact]
    public async Task Create_ExistingEmail_ShowsTheErrorAndCreatesNobody()
    {
        using var admin = await Browser.SignedInAsync(factory);
        await admin.OpenAsync("/users");

        using var response = await admin.FormPostAsync("/users?handler=Create", [new("Form.Email", SyncHubWebFactory.AdminEmail), new("Form.Role", Roles.Viewer)]);

        var page = await PageOf(response);
        page.QuerySelector("#one-time-password").ShouldBeNull();
        page.QuerySelectorAll("#users tbody tr").Count(r => r.TextContent.Contains(SyncHubWebFactory.AdminEmail, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Role_ChangedByAdministrator_TakesEffect()
    {
        var email = await factory.EnsureUserAsync(Roles.Operator);
        using var admin = await Browser.SignedInAsync(factory);
        var before = await admin.OpenAsync("/users");

        using var response = await admin.FormPostAsync($"/users?handler=Role&id={RowOf(before, email).Id!["user-".Length..]}", [new("role", Roles.Viewer)]);

        var page = await PageOf(response);
        page.Single("#result-message").TextContent.ShouldContain($"{email} is now Viewer.");
        RowOf(page, email).Single("select[name=role] option[selected]").GetAttribute("value").ShouldBe(Roles.Viewer);
        (await RolesOfAsync(email)).ShouldBe([Roles.Viewer]);
    }

    [Fact]
    public async Task Role_DemotingTheLastAdministrator_IsRefusedWithAMessage()
    {
        using var admin = await Browser.SignedInAsync(factory);
        var before = await admin.OpenAsync("/users");

        using var response = await admin.FormPostAsync(
            $"/users?handler=Role&id={RowOf(before, SyncHubWebFactory.AdminEmail).Id!["user-".Length..]}", [new("role", Roles.Operator)]);

        var page = await PageOf(response);
        page.Single("#result-message").TextContent.ShouldContain("The last administrator cannot be demoted.");
        (await RolesOfAsync(SyncHubWebFactory.AdminEmail)).ShouldBe([Roles.Administrator]);
        (await admin.OpenAsync("/users")).Single("#users");
    }

    [Fact]
    public async Task Reset_ByAdministrator_ShowsANewOneTimePasswordAndRetiresTheOldOne()
    {
        var email = await factory.EnsureUserAsync(Roles.Viewer);
        using var admin = await Browser.SignedInAsync(factory);
        var before = await admin.OpenAsync("/users");

        using var response = await admin.FormPostAsync($"/users?handler=Reset&id={RowOf(before, email).Id!["user-".Length..]}");

        var page = await PageOf(response);
        page.Single("#result-message").TextContent.ShouldContain($"New one-time password for {email}");
        var password = page.Single("#one-time-password").TextContent.Trim();
        password.ShouldNotBe(SyncHubWebFactory.Password);
        RowOf(page, email).TextContent.ShouldContain("must change password");
        using var old = Browser.Anonymous(factory);
        await Should.ThrowAsync<InvalidOperationException>(() => SyncHubWebFactory.SignInAsync(old.Client, email, SyncHubWebFactory.Password));
        using var user = Browser.Anonymous(factory);
        await SyncHubWebFactory.SignInAsync(user.Client, email, password);
        using var home = await user.Client.GetAsync("/");
        home.Headers.Location?.OriginalString.ShouldBe("/account/change-password");
    }

    [Fact]
    public async Task Role_DemotedWhileSignedIn_LosesTheRightToRetryAtOnce()
    {
        const string email = "demoted@test.local";
        await CreateUserAsync(email, Roles.Operator);
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("demoted");
        var id = (await factory.FailedRecordsAsync(api, "demoted", 1))[0];
        using var demoted = Browser.Anonymous(factory);
        await SyncHubWebFactory.SignInAsync(demoted.Client, email, SyncHubWebFactory.Password);
        (await demoted.OpenAsync("/failed?integration=demoted")).Single("#retry-selected");
        using var admin = await Browser.SignedInAsync(factory);
        var users = await admin.OpenAsync("/users");
        using var changed = await admin.FormPostAsync($"/users?handler=Role&id={RowOf(users, email).Id!["user-".Length..]}", [new("role", Roles.Viewer)]);
        (await PageOf(changed)).Single("#result-message").TextContent.ShouldContain($"{email} is now Viewer.");
        var before = factory.Gateway.Requests.Count;

        var page = await demoted.OpenAsync("/failed?integration=demoted");
        using var response = await demoted.HtmxPostAsync("/failed?handler=RetrySelected&integration=demoted", [new("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        factory.Gateway.Requests.Count.ShouldBe(before, "a demoted operator's open session still retried a record");
        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        page.QuerySelector("#retry-selected").ShouldBeNull();
    }

    [Theory]
    [InlineData("Lock")]
    [InlineData("Reset")]
    public async Task LockOrReset_UserSignedInElsewhere_IsSignedOutAtOnce(string handler)
    {
        var email = $"signed-in-{handler.ToLowerInvariant()}@test.local";
        await CreateUserAsync(email, Roles.Operator);
        using var user = Browser.Anonymous(factory);
        await SyncHubWebFactory.SignInAsync(user.Client, email, SyncHubWebFactory.Password);
        (await user.OpenAsync("/failed")).Single("#failed-list");
        using var admin = await Browser.SignedInAsync(factory);
        var users = await admin.OpenAsync("/users");
        var id = RowOf(users, email).Id!["user-".Length..];

        using var response = await admin.FormPostAsync($"/users?handler={handler}&id={id}&locked=true");

        (await PageOf(response)).Single("#result-message");
        using var next = await user.Client.GetAsync("/failed");
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the user's existing session still opens pages after " + handler);
        next.Headers.Location?.AbsolutePath.ShouldBe("/account/sign-in");
    }

    private async Task CreateUserAsync(string email, string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>();
        var user = new SyncHubUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, SyncHubWebFactory.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }

    private static async Task<IDocument> PageOf(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return Html.Parse(html);
    }

    private static IElement RowOf(IDocument page, string email) =>
        page.QuerySelectorAll("#users tbody tr").SingleOrDefault(r => r.Children[0].TextContent.Trim() == email)
            ?? throw new InvalidOperationException($"No row for {email} in:\n{page.Single("#users").OuterHtml}");

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }
}
