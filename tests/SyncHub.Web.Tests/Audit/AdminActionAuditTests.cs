using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Core.Audit;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Audit;

/// <summary>Signing in and out, users and API keys land in the audit log, and no secret does.</summary>
public sealed class AdminActionAuditTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task SignIn_Succeeds_IsAuditedUnderTheEmail()
    {
        var email = await factory.EnsureUserAsync(Roles.Viewer);

        using var client = await factory.CreateSignedInClientAsync(Roles.Viewer);

        var entries = await EntriesAsync(AccountAuditActions.SignIn);
        entries.ShouldContain(e => e.Actor == email && e.Target == "user " + email);
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsAuditedWithTheEmailTriedAndNeverThePassword()
    {
        const string tried = "nobody-here@test.local";
        const string password = "Wrong-Password-123456";
        using var browser = Browser.Anonymous(factory);
        await browser.OpenAsync("/account/sign-in");

        using var response = await browser.FormPostAsync("/account/sign-in", [new("Form.Email", tried), new("Form.Password", password)]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = (await EntriesAsync(AccountAuditActions.SignInRefused)).ShouldHaveSingleItem();
        entry.Actor.ShouldBe(tried);
        entry.Detail.ShouldBe("wrong email or password");
        (await EntriesAsync()).ShouldAllBe(e => !(e.Actor + e.Target + e.Detail).Contains(password));
        factory.Logs.Lines.ShouldNotContain(line => line.Contains(password));
    }

    [Fact]
    public async Task SignOut_SignedIn_IsAudited()
    {
        using var admin = await Browser.SignedInAsync(factory);
        await admin.OpenAsync("/");

        using var response = await admin.FormPostAsync("/account/sign-out");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await EntriesAsync(AccountAuditActions.SignOut)).ShouldContain(e => e.Actor == SyncHubWebFactory.AdminEmail);
    }

    [Fact]
    public async Task ApiKeyCreateAndRevoke_AreAuditedWithoutTheKey()
    {
        using var admin = await Browser.SignedInAsync(factory);
        await admin.OpenAsync("/api-keys");
        using var created = await admin.FormPostAsync("/api-keys?handler=Create", [new("Form.Name", "Audited key"), new("Form.Scope", nameof(ApiKeyScope.Full))]);
        var page = Html.Parse(await created.Content.ReadAsStringAsync());
        var key = page.Single("#new-api-key").TextContent.Trim();
        var id = page.QuerySelectorAll("#api-keys tbody tr").Single(r => r.Children[0].TextContent.Trim() == "Audited key").Id!["api-key-".Length..];

        using var revoked = await admin.FormPostAsync($"/api-keys?handler=Revoke&id={id}");

        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var create = (await EntriesAsync(AccountAuditActions.ApiKeyCreate)).ShouldHaveSingleItem();
        create.Actor.ShouldBe(SyncHubWebFactory.AdminEmail);
        create.Target.ShouldBe($"api key {id} (Audited key)");
        (await EntriesAsync(AccountAuditActions.ApiKeyRevoke)).ShouldHaveSingleItem().Target.ShouldBe(create.Target);
        (await EntriesAsync()).ShouldAllBe(e => !(e.Target + e.Detail).Contains(key));
    }

    [Fact]
    public async Task UserResetPassword_IsAuditedWithoutTheOneTimePassword()
    {
        var email = await factory.EnsureUserAsync(Roles.Operator);
        using var admin = await Browser.SignedInAsync(factory);
        var users = await admin.OpenAsync("/users");
        var row = users.QuerySelectorAll("#users tbody tr").Single(r => r.Children[0].TextContent.Trim() == email);

        using var response = await admin.FormPostAsync($"/users?handler=Reset&id={row.Id!["user-".Length..]}");

        var oneTime = Html.Parse(await response.Content.ReadAsStringAsync()).Single("#one-time-password").TextContent.Trim();
        var entry = (await EntriesAsync(AccountAuditActions.UserReset)).ShouldHaveSingleItem();
        entry.Actor.ShouldBe(SyncHubWebFactory.AdminEmail);
        entry.Target.ShouldBe("user " + email);
        (await EntriesAsync()).ShouldAllBe(e => !(e.Target + e.Detail).Contains(oneTime));
    }

    private async Task<List<AuditEntry>> EntriesAsync(string? action = null)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.AuditLog.AsNoTracking().Where(e => action == null || e.Action == action).ToListAsync();
    }
}
