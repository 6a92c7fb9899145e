using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;
using static SyncHub.Web.Tests.Fuzz.FormCase;

namespace SyncHub.Web.Tests.Fuzz;

/// <summary>Malformed sign-in posts, with a valid antiforgery token: the form again with a message, nobody signed in.</summary>
public sealed class SignInFormFuzzTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string Someone = "someone@test.local";

    private static readonly Dictionary<string, FormCase> Cases = new()
    {
        ["missing-fields"] = new([]),
        ["missing-password"] = new([Field("Form.Email", Someone)]),
        ["missing-email"] = new([Field("Form.Password", "whatever-password")]),
        ["empty-fields"] = new([Field("Form.Email", ""), Field("Form.Password", "")]),
        ["email-10kb"] = new([Field("Form.Email", new string('a', 10 * 1024) + "@test.local"), Field("Form.Password", "whatever-password")]),
        ["password-10kb"] = new([Field("Form.Email", Someone), Field("Form.Password", new string('p', 10 * 1024))]),
        ["email-control-characters"] = new([Field("Form.Email", "some\u0001one\u001b[2J@test.local"), Field("Form.Password", "whatever-password")]),
        ["email-crlf-injection"] = new([Field("Form.Email", Someone + "\r\nSet-Cookie: forged=1"), Field("Form.Password", "whatever-password")]),
        ["email-not-an-address"] = new([Field("Form.Email", "not an email"), Field("Form.Password", "whatever-password")]),

        // ASP.NET Core's form reader refuses a NUL in any form value, so the page never runs: 400.
        ["email-nul"] = new([Field("Form.Email", "some\0one@test.local"), Field("Form.Password", "whatever-password")], HttpStatusCode.BadRequest),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task SignIn_MalformedForm_ShowsAMessageAndSignsNobodyIn(string name)
    {
        var usersBefore = await UserCountAsync();
        using var browser = Browser.Anonymous(factory);
        await browser.OpenAsync("/account/sign-in");

        using var response = await browser.FormPostAsync("/account/sign-in", Cases[name].Fields);

        await response.ShouldBeRefusedAsync(Cases[name], "form");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("synchub.auth=", StringComparison.Ordinal));
        using var home = await browser.Client.GetAsync("/");
        home.Headers.Location?.AbsolutePath.ShouldBe("/account/sign-in");
        (await UserCountAsync()).ShouldBe(usersBefore);
    }

    private async Task<int> UserCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>().Users.CountAsync();
    }
}
