using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Data;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Security;

/// <summary>A cookie copied before its session ended opens nothing afterwards.</summary>
public sealed class SessionEndTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private static readonly Uri Site = new("http://localhost");

    [Fact]
    public async Task SignOut_CookieCopiedBefore_NoLongerOpensAPage()
    {
        var email = await factory.EnsureUserAsync(Roles.Operator);
        var (victim, jar) = Client();
        await SyncHubWebFactory.SignInAsync(victim, email, SyncHubWebFactory.Password);
        var (thief, _) = Client(jar);
        (await thief.GetAsync("/failed")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var token = AntiforgeryToken.FromHtml(await victim.GetStringAsync("/failed"));
        using var signOut = await victim.PostAsync("/account/sign-out", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var after = await thief.GetAsync("/failed");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/account/sign-in");
    }

    [Fact]
    public async Task SignOutEverywhere_ByAdministrator_EndsTheUsersSessionsAndIsAudited()
    {
        var email = await factory.EnsureUserAsync(Roles.Viewer);
        var (user, _) = Client();
        await SyncHubWebFactory.SignInAsync(user, email, SyncHubWebFactory.Password);
        (await user.GetAsync("/failed")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = await Browser.SignedInAsync(factory);
        var users = await admin.OpenAsync("/users");
        var row = users.QuerySelectorAll("#users tbody tr").Single(r => r.Children[0].TextContent.Trim() == email);
        var id = row.Id!["user-".Length..];
        row.Single($"#sign-out-everywhere-{id}").TextContent.ShouldBe("Sign out everywhere");

        using var response = await admin.FormPostAsync($"/users?handler=SignOutEverywhere&id={id}");

        (await response.Content.ReadAsStringAsync()).ShouldContain($"{email} is signed out everywhere.");
        (await user.GetAsync("/failed")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.OpenAsync("/users")).Single("#users");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SyncHubDbContext>();
        (await db.AuditLog.Where(a => a.Action == "user.sign-out-everywhere").ToListAsync()).ShouldHaveSingleItem().Target.ShouldBe("user " + email);
    }

    [Fact]
    public async Task SignOutEverywhere_ByOperator_IsRefused()
    {
        var email = await factory.EnsureUserAsync(Roles.Operator);
        var (user, _) = Client();
        await SyncHubWebFactory.SignInAsync(user, email, SyncHubWebFactory.Password);
        var token = AntiforgeryToken.FromHtml(await user.GetStringAsync("/failed"));

        using var response = await user.PostAsync("/users?handler=SignOutEverywhere&id=x", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/account/denied");
    }

    /// <summary>A client whose cookies live in a jar the test can copy, as someone copying a browser's cookie would.</summary>
    private (HttpClient Client, System.Net.CookieContainer Jar) Client(System.Net.CookieContainer? copyOf = null)
    {
        var jar = new System.Net.CookieContainer();
        if (copyOf is not null)
        {
            foreach (Cookie cookie in copyOf.GetCookies(Site))
            {
                jar.Add(Site, new Cookie(cookie.Name, cookie.Value, "/"));
            }
        }

        return (factory.CreateDefaultClient(Site, new CookieContainerHandler(jar)), jar);
    }
}
