using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;
using static SyncHub.Web.Tests.Fuzz.FormCase;

namespace SyncHub.Web.Tests.Fuzz;

/// <summary>Malformed "Add user" posts by an administrator: the page again with a message, and no new user.</summary>
public sealed class UsersFormFuzzTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private static readonly Dictionary<string, FormCase> Cases = new()
    {
        ["bad-email"] = new([Field("Form.Email", "not-an-email"), Field("Form.Role", Roles.Viewer)]),
        ["unknown-role-root"] = new([Field("Form.Email", "root@test.local"), Field("Form.Role", "Root")]),
        ["email-300-chars"] = new([Field("Form.Email", new string('a', 300 - "@test.local".Length) + "@test.local"), Field("Form.Role", Roles.Viewer)]),
        ["empty-email"] = new([Field("Form.Email", ""), Field("Form.Role", Roles.Viewer)]),
        ["missing-fields"] = new([]),
        ["email-control-characters"] = new([Field("Form.Email", "ops\u0007\u001b[2J@test.local"), Field("Form.Role", Roles.Operator)]),
        ["email-crlf-injection"] = new([Field("Form.Email", "ops@test.local\r\nBcc: all@test.local"), Field("Form.Role", Roles.Operator)]),

        // ASP.NET Core's form reader refuses a NUL in any form value, so the page never runs: 400.
        ["email-nul"] = new([Field("Form.Email", "ops\0@test.local"), Field("Form.Role", Roles.Operator)], HttpStatusCode.BadRequest),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task AddUser_MalformedForm_ShowsAMessageAndCreatesNobody(string name)
    {
        using var admin = await Browser.SignedInAsync(factory);
        var before = await admin.OpenAsync("/users");
        var usersBefore = await UserCountAsync();

        using var response = await admin.FormPostAsync("/users?handler=Create", Cases[name].Fields);

        var page = await response.ShouldBeRefusedAsync(Cases[name], "form[action*='handler=Create']");
        (await UserCountAsync()).ShouldBe(usersBefore);
        if (page is not null)
        {
            page.QuerySelector("#one-time-password").ShouldBeNull();
            FormPages.RowIds(page, "#users").ShouldBe(FormPages.RowIds(before, "#users"));
        }
    }

    private async Task<int> UserCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<SyncHubUser>>().Users.CountAsync();
    }
}
