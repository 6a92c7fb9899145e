using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Data;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;
using static SyncHub.Web.Tests.Fuzz.FormCase;

namespace SyncHub.Web.Tests.Fuzz;

/// <summary>Malformed "Create key" posts by an administrator: the page again with a message, and no new key.</summary>
public sealed class ApiKeysFormFuzzTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private static readonly Dictionary<string, FormCase> Cases = new()
    {
        ["empty-name"] = new([Field("Form.Name", ""), Field("Form.Scope", "Ingest")]),
        ["whitespace-name"] = new([Field("Form.Name", "   "), Field("Form.Scope", "Ingest")]),
        ["name-500-chars"] = new([Field("Form.Name", new string('k', 500)), Field("Form.Scope", "Full")]),
        ["scope-7"] = new([Field("Form.Name", "Scope seven"), Field("Form.Scope", "7")]),
        ["scope-unknown-name"] = new([Field("Form.Name", "Scope root"), Field("Form.Scope", "Root")]),
        ["missing-fields"] = new([]),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task CreateKey_MalformedForm_ShowsAMessageAndCreatesNoKey(string name)
    {
        using var admin = await Browser.SignedInAsync(factory);
        var before = await admin.OpenAsync("/api-keys");
        var keysBefore = await KeyCountAsync();

        using var response = await admin.FormPostAsync("/api-keys?handler=Create", Cases[name].Fields);

        var page = await response.ShouldBeRefusedAsync(Cases[name], "form[action*='handler=Create']");
        (await KeyCountAsync()).ShouldBe(keysBefore);
        if (page is not null)
        {
            page.QuerySelector("#new-api-key").ShouldBeNull();
            FormPages.RowIds(page, "#api-keys").ShouldBe(FormPages.RowIds(before, "#api-keys"));
        }
    }

    private async Task<int> KeyCountAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.ApiKeys.CountAsync();
    }
}
