using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Security;

public sealed class SignInTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string AuthCookie = "synchub.auth";

    [Fact]
    public async Task SignIn_WrongPassword_ShowsTheErrorAndSetsNoAuthCookie()
    {
        using var browser = Browser.Anonymous(factory);

        using var response = await SubmitSignInAsync(browser, SyncHubWebFactory.AdminEmail, SyncHubWebFactory.Password + "x");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        Html.Parse(html).Single("#sign-in-error").TextContent.ShouldContain("The email or password is not right.");
        SetCookies(response).ShouldNotContain(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
        await ShouldBeSignedOutAsync(browser);
    }

    [Fact]
    public async Task SignIn_RightPassword_RedirectsHomeAndOpensThePages()
    {
        using var browser = Browser.Anonymous(factory);

        using var response = await SubmitSignInAsync(browser, SyncHubWebFactory.AdminEmail, SyncHubWebFactory.Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location?.OriginalString.ShouldBe("/");
        SetCookies(response).ShouldContain(c => c.StartsWith(AuthCookie + "=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        (await browser.OpenAsync("/failed")).Single("#failed-list");
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    public async Task SignIn_ReturnUrlToAnotherSite_RedirectsHomeInstead(string returnUrl)
    {
        using var browser = Browser.Anonymous(factory);
        await browser.OpenAsync("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        using var response = await browser.FormPostAsync("/account/sign-in", Fields(SyncHubWebFactory.AdminEmail, SyncHubWebFactory.Password, returnUrl));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location?.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task SignIn_AsManyWrongPasswordsAsTheLockoutThreshold_LocksThatAddressOutAndRefusesTheRightPasswordFromIt()
    {
        const string email = "lock-me@test.local";
        await CreateUserAsync(email);
        var threshold = new SecurityOptions().MaxFailedSignIns;
        var attacker = IPAddress.Parse("203.0.113.50");

        var errors = new List<string>();
        for (var attempt = 1; attempt <= threshold; attempt++)
        {
            var (_, wrong) = await AddressedSignIn.PostAsync(factory, attacker, email, "wrong-password-" + attempt);
            errors.Add(Html.Parse(wrong).Single("#sign-in-error").TextContent);
        }

        var (status, right) = await AddressedSignIn.PostAsync(factory, attacker, email, SyncHubWebFactory.Password);

        threshold.ShouldBe(5);
        errors.Take(threshold - 1).ShouldAllBe(e => e.Contains("not right"));
        errors[^1].ShouldContain("locked");
        status.ShouldBe(StatusCodes.Status200OK, right);
        Html.Parse(right).Single("#sign-in-error").TextContent.ShouldStartWith("Sign-in to this account from your address is locked after too many failed attempts. Try again in 15 minutes");
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>();
        (await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!)).ShouldBeFalse("nobody can lock the account itself from one address");
    }

    [Fact]
    public async Task SignIn_AnotherAddressLockedOutOfTheAccount_OwnerStillSignsIn()
    {
        const string email = "owner@test.local";
        await CreateUserAsync(email);
        for (var attempt = 0; attempt < new SecurityOptions().MaxFailedSignIns + 3; attempt++)
        {
            await AddressedSignIn.PostAsync(factory, IPAddress.Parse("203.0.113.60"), email, "guess-" + attempt);
        }

        var (status, body) = await AddressedSignIn.PostAsync(factory, IPAddress.Parse("192.0.2.10"), email, SyncHubWebFactory.Password);

        status.ShouldBe(StatusCodes.Status302Found, body);
    }

    [Fact]
    public async Task SignIn_AccountLockedByAnAdministrator_RefusedFromEveryAddress()
    {
        const string email = "locked-by-admin@test.local";
        await CreateUserAsync(email);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.MaxValue);
        }

        var (status, body) = await AddressedSignIn.PostAsync(factory, IPAddress.Parse("192.0.2.11"), email, SyncHubWebFactory.Password);

        status.ShouldBe(StatusCodes.Status200OK);
        Html.Parse(body).Single("#sign-in-error").TextContent.ShouldBe("This account is locked. Ask an administrator.");
    }

    [Fact]
    public async Task SignOut_PostWithoutAntiforgeryToken_Returns400AndStaysSignedIn()
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.Client.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.OpenAsync("/")).Single("#integration-status");
    }

    [Fact]
    public async Task SignOut_PostWithToken_SignsOutSoPagesRedirectToSignIn()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/");

        using var response = await browser.FormPostAsync("/account/sign-out");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location?.OriginalString.ShouldBe("/account/sign-in");
        await ShouldBeSignedOutAsync(browser);
    }

    [Fact]
    public async Task SignOutButton_SubmittedLikeABrowserWithoutJavaScript_SignsOut()
    {
        using var browser = await Browser.SignedInAsync(factory);
        var page = await browser.OpenAsync("/");
        var form = page.Single("form.sign-out");

        // A browser posts the form's own fields only; the meta tag's token is for htmx requests.
        var fields = form.QuerySelectorAll("input[type=hidden][name]")
            .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""));
        using var response = await browser.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the layout's sign-out form must carry its antiforgery token, or the button answers 400:\n{form.OuterHtml}");
        await ShouldBeSignedOutAsync(browser);
    }

    private static async Task<HttpResponseMessage> SubmitSignInAsync(Browser browser, string email, string password)
    {
        await browser.OpenAsync("/account/sign-in");
        return await browser.FormPostAsync("/account/sign-in", Fields(email, password));
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(string email, string password, string? returnUrl = null) =>
    [
        new("Form.Email", email),
        new("Form.Password", password),
        .. returnUrl is null ? [] : new KeyValuePair<string, string>[] { new("ReturnUrl", returnUrl) },
    ];

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static async Task ShouldBeSignedOutAsync(Browser browser)
    {
        using var home = await browser.Client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location?.AbsolutePath.ShouldBe("/account/sign-in");
    }

    private async Task CreateUserAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>();
        var user = new SyncHubUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, SyncHubWebFactory.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, Roles.Viewer)).Succeeded.ShouldBeTrue();
    }
}
