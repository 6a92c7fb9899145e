using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Integrations;

/// <summary>A secret goes in once: it is never rendered back, logged or audited, and a blank field keeps it.</summary>
public sealed class SecretSettingsTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string Secret = "SECRET-value-9c41e7";

    [Fact]
    public async Task SaveAndEdit_SecretValue_NeverInAnyPageLogOrAuditEntry()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.CreateSecureAsync("secret-pages", Secret);
        var pages = new List<string>();
        foreach (var url in new[] { "/integrations", "/integrations/secret-pages/edit", "/integrations/secret-pages/edit?created=true", "/integrations/secret-pages/mapping", "/plugins", "/" })
        {
            pages.Add((await browser.OpenAsync(url)).DocumentElement.OuterHtml);
        }

        using var saved = await browser.FormPostAsync("/integrations/secret-pages/edit", IntegrationForms.Secure("secret-pages", "").With("Form.Name", "Renamed"));
        pages.Add(await saved.Content.ReadAsStringAsync());
        using var failed = await browser.FormPostAsync("/integrations/secret-pages/edit", IntegrationForms.Secure("secret-pages", Secret + "-2").With("Form.Settings[apiUrl]", "nope"));
        pages.Add(await failed.Content.ReadAsStringAsync());
        using var tested = await browser.HtmxPostAsync("/integrations/secret-pages/edit?handler=Test", IntegrationForms.Secure("secret-pages", ""));
        pages.Add(await tested.Content.ReadAsStringAsync());

        pages.ShouldAllBe(html => !html.Contains("SECRET-value", StringComparison.OrdinalIgnoreCase));
        factory.Logs.Lines.ShouldNotBeEmpty();
        factory.Logs.Lines.ShouldAllBe(line => !line.Contains("SECRET-value", StringComparison.OrdinalIgnoreCase));
        (await factory.AuditAsync("secret-pages")).ShouldAllBe(a => !(a.Detail ?? "").Contains("SECRET-value", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EditPage_StoredSecret_EmptyPasswordInputSaysSaved()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.CreateSecureAsync("secret-saved", Secret);

        var page = await browser.OpenAsync("/integrations/secret-saved/edit");

        var input = page.Single("#setting-clientSecret");
        input.GetAttribute("type").ShouldBe("password");
        input.GetAttribute("value").ShouldBe("");
        input.GetAttribute("autocomplete").ShouldBe("off");
        page.Single("#setting-clientSecret-help").TextContent.ShouldContain("saved — leave blank to keep");
        page.ShouldHave("#setting-clientSecret-clear");
        page.Single("#setting-clientId").GetAttribute("value").ShouldBe("client-secret-saved");
    }

    [Fact]
    public async Task Edit_BlankSecret_KeepsTheStoredOneAndAuditsChangedNamesOnly()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.CreateSecureAsync("secret-kept", Secret);
        await browser.OpenAsync("/integrations/secret-kept/edit");

        using var response = await browser.FormPostAsync("/integrations/secret-kept/edit",
            IntegrationForms.Secure("secret-kept", "").With("Form.Settings[apiUrl]", "https://api2.example.test"));

        Html.Parse(await response.Content.ReadAsStringAsync()).Single("#saved");
        var settings = await factory.StoredSettingsAsync("secret-kept");
        settings.GetString("clientSecret").ShouldBe(Secret);
        settings.GetString("apiUrl").ShouldBe("https://api2.example.test");
        var update = (await factory.AuditAsync("secret-kept")).Last();
        update.Action.ShouldBe("integration.update");
        update.Detail.ShouldNotBeNull().ShouldContain("settings changed: apiUrl;");
    }

    [Fact]
    public async Task Edit_NewSecret_ReplacesItAndAuditsItsNameNotItsValue()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.CreateSecureAsync("secret-replaced", Secret);
        await browser.OpenAsync("/integrations/secret-replaced/edit");

        using var response = await browser.FormPostAsync("/integrations/secret-replaced/edit", IntegrationForms.Secure("secret-replaced", "another-one-55"));

        (await factory.StoredSettingsAsync("secret-replaced")).GetString("clientSecret").ShouldBe("another-one-55");
        var detail = (await factory.AuditAsync("secret-replaced")).Last().Detail!;
        detail.ShouldContain("clientSecret");
        detail.ShouldNotContain("another-one-55");
    }

    [Fact]
    public async Task Edit_ClearRequiredSecret_IsRefusedAndKeepsIt()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.CreateSecureAsync("secret-cleared", Secret);
        await browser.OpenAsync("/integrations/secret-cleared/edit");

        using var response = await browser.FormPostAsync("/integrations/secret-cleared/edit",
            [.. IntegrationForms.Secure("secret-cleared", ""), new("Form.ClearSecrets", "clientSecret")]);

        Html.Parse(await response.Content.ReadAsStringAsync()).Single("#error-setting-clientSecret").TextContent.ShouldBe("Client secret is required.");
        (await factory.StoredSettingsAsync("secret-cleared")).GetString("clientSecret").ShouldBe(Secret);
    }
}
