using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Integrations;

/// <summary>The connection form is generated from the connector's declared settings and validated field by field.</summary>
public sealed class ConnectionFormTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Fields_ConnectorWithDeclaredSettings_RendersLabelsKindsRequiredAndHelp()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/integrations/new");

        using var response = await browser.HtmxGetAsync($"/integrations/new?handler=Fields&Form.Connector={FakeConnectionGateway.Name}");

        var html = Html.Parse(await response.Content.ReadAsStringAsync());
        var fields = html.Single("#settings-fields");
        fields.Single("#setting-apiUrl").GetAttribute("type").ShouldBe("url");
        fields.Single("#setting-apiUrl").HasAttribute("required").ShouldBeTrue();
        fields.Single("label[for=setting-apiUrl]").TextContent.ShouldContain("API URL");
        fields.Single("#setting-apiUrl-help").TextContent.ShouldContain("Where the API lives.");
        fields.Single("#setting-clientSecret").GetAttribute("type").ShouldBe("password");
        fields.Single("#setting-clientSecret").GetAttribute("autocomplete").ShouldBe("off");
        fields.Single("label[for=setting-clientSecret] .required").TextContent.ShouldContain("*");
        fields.Single("#setting-pageSize").GetAttribute("type").ShouldBe("number");
        fields.Single("#setting-pageSize").GetAttribute("value").ShouldBe("50");
        fields.Single("#setting-sandboxMode").GetAttribute("type").ShouldBe("checkbox");
    }

    [Theory]
    [InlineData("/integrations/new", "#integration-form")]
    [InlineData("/integrations/form-token/edit", "#integration-form")]
    [InlineData("/integrations/form-token/mapping", "#mapping-form")]
    public async Task Form_WithoutJavaScript_CarriesItsAntiforgeryToken(string url, string form)
    {
        using var browser = await Browser.SignedInAsync(factory);
        if (await factory.FindAsync("form-token") is null)
        {
            await browser.CreateSecureAsync("form-token", FakeConnectionGateway.GoodSecret);
        }

        var page = await browser.OpenAsync(url);

        page.Single($"{form} input[name=__RequestVerificationToken]").GetAttribute("value").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Fields_ConnectorDeclaringNoSettings_OffersAJsonBox()
    {
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync($"/integrations/new?connector={FakeGateway.Name}");

        page.ShouldHave("#settings-fields #settings-json");
        page.Single($"#connector option[value={FakeGateway.Name}]").HasAttribute("selected").ShouldBeTrue();
    }

    [Fact]
    public async Task Create_MissingSecretAndBadUrl_NamesTheFieldsKeepsTheValuesAndSavesNothing()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/integrations/new");
        var form = IntegrationForms.Secure("invalid-one", "").With("Form.Settings[apiUrl]", "ftp://files.example.test").With("Form.Factor", "100");

        using var response = await browser.FormPostAsync("/integrations/new", form);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Single("#error-setting-clientSecret").TextContent.ShouldBe("Client secret is required.");
        page.Single("#error-setting-apiUrl").TextContent.ShouldBe("API URL must be an absolute http:// or https:// URL.");
        page.Single("#error-retry-factor").TextContent.ShouldBe("Backoff factor must be between 1 and 10.");
        page.Single("#setting-apiUrl").GetAttribute("value").ShouldBe("ftp://files.example.test");
        page.Single("#setting-clientId").GetAttribute("value").ShouldBe("client-invalid-one");
        page.Single("#name").GetAttribute("value").ShouldBe("Books invalid-one");
        (await factory.FindAsync("invalid-one")).ShouldBeNull();
    }

    [Fact]
    public async Task Create_ValidForm_StoresTypedSettingsRetryDuplicatesAndFixes()
    {
        using var browser = await Browser.SignedInAsync(factory);

        await browser.CreateSecureAsync("created-form", FakeConnectionGateway.GoodSecret);

        var integration = (await factory.FindAsync("created-form")).ShouldNotBeNull();
        integration.AutoFixes.ShouldBe("email,date");
        integration.DuplicateDetection.ShouldBeTrue();
        var settings = await factory.StoredSettingsAsync("created-form");
        settings.GetString("apiUrl").ShouldBe("https://api.example.test/v2");
        settings.GetDouble("pageSize").ShouldBe(50);
        settings.Root.GetProperty("sandboxMode").GetBoolean().ShouldBeFalse();
        (await factory.AuditAsync("created-form")).ShouldHaveSingleItem().Action.ShouldBe("integration.create");
        var list = await browser.OpenAsync("/integrations");
        list.Single("#integration-created-form").TextContent.ShouldContain("Fake secure");
        list.Single("#integration-created-form .connection-state").TextContent.ShouldBe("Healthy");
    }

    [Fact]
    public async Task Edit_BadValue_ChangesNothing()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.CreateSecureAsync("edit-invalid", FakeConnectionGateway.GoodSecret);
        await browser.OpenAsync("/integrations/edit-invalid/edit");

        using var response = await browser.FormPostAsync("/integrations/edit-invalid/edit",
            IntegrationForms.Secure("edit-invalid", "").With("Form.Settings[apiUrl]", "").With("Form.Name", "Renamed"));

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.Single("#error-setting-apiUrl").TextContent.ShouldBe("API URL is required.");
        page.QuerySelector("#saved").ShouldBeNull();
        (await factory.FindAsync("edit-invalid"))!.Name.ShouldBe("Books edit-invalid");
    }

    [Fact]
    public async Task Edit_RetryDuplicatesAndFixes_AreStored()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.CreateSecureAsync("edit-policy", FakeConnectionGateway.GoodSecret);
        await browser.OpenAsync("/integrations/edit-policy/edit");
        var form = IntegrationForms.Secure("edit-policy", "").With("Form.Factor", "3").With("Form.MaxAutomaticAttempts", "2")
            .Where(f => f.Key != "Form.AutoFixes" && f.Value != "true").Append(new("Form.AutoFixes", "phone")).ToList();

        using var response = await browser.FormPostAsync("/integrations/edit-policy/edit", form);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.ShouldHave("#saved");
        page.Single("#fix-phone").HasAttribute("checked").ShouldBeTrue();
        page.Single("#fix-email").HasAttribute("checked").ShouldBeFalse();
        var integration = (await factory.FindAsync("edit-policy"))!;
        (integration.Retry.Factor, integration.Retry.MaxAutomaticAttempts, integration.Retry.BaseDelaySeconds).ShouldBe((3d, 2, 30d));
        integration.DuplicateDetection.ShouldBeFalse();
        integration.AutoFixes.ShouldBe("phone");
        (await factory.AuditAsync("edit-policy")).Last().Detail.ShouldNotBeNull().ShouldContain("settings changed: none;");
    }

    [Fact]
    public async Task CreateApi_DeclaredRequiredSettingMissing_Returns400NamingIt()
    {
        using var api = factory.CreateApiClient();

        using var response = await api.PostJsonAsync("/api/v1/integrations",
            """{"slug": "api-missing", "name": "x", "connector": "fake-secure", "settings": {"apiUrl": "https://a.example", "clientId": "c"}}""");

        await response.ShouldBeValidationProblemAsync("settings.clientSecret");
    }

    [Fact]
    public async Task Save_ExpiredConnection_NewCredentialsMarkItHealthy()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.CreateSecureAsync("expired-one", "old-secret");
        await factory.ChangeAsync("expired-one", i => (i.ConnectionState, i.ConnectionNote) = (Data.Entities.ConnectionState.Expired, "Refresh token revoked"));
        (await browser.OpenAsync("/integrations/expired-one/edit")).Single("#connection-expired").TextContent.ShouldContain("Refresh token revoked");

        using var response = await browser.FormPostAsync("/integrations/expired-one/edit", IntegrationForms.Secure("expired-one", "new-secret"));

        Html.Parse(await response.Content.ReadAsStringAsync()).Single("#saved");
        var integration = (await factory.FindAsync("expired-one"))!;
        integration.ConnectionState.ShouldBe(Data.Entities.ConnectionState.Healthy);
        integration.ConnectionNote.ShouldBeNull();
    }
}
