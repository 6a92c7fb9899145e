using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Integrations;

/// <summary>The mapping editor: templates per entity type, defaults, a preview against real or pasted records, audited saves.</summary>
public sealed class MappingPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string ContactTemplate = """{"contact": {{ payload.name | object.to_json }}}""";

    [Fact]
    public async Task Page_OffersDeclaredAndSeenEntityTypesAndRecentRecords()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.CreateSecureAsync("mapping-offer", FakeConnectionGateway.GoodSecret);
        using var api = factory.CreateApiClient();
        await api.IngestAsync("mapping-offer", "INV-77", """{"amount": 5}""");

        var page = await browser.OpenAsync("/integrations/mapping-offer/mapping");

        page.ShouldHave("#template-contact");
        page.ShouldHave("#template-invoice");
        page.ShouldHave("#template-default");
        page.ShouldHave("#new-entity-type");
        page.Single("#sample-record").TextContent.ShouldContain("INV-77 (invoice)");
    }

    [Fact]
    public async Task Preview_PastedSample_ShowsTheRenderedJson()
    {
        using var browser = await OnMappingPageAsync("mapping-preview");

        using var response = await browser.HtmxPostAsync("/integrations/mapping-preview/mapping?handler=Preview",
        [
            new("Form.Templates[contact]", ContactTemplate), new("Form.PreviewEntityType", "contact"), new("Form.SampleJson", """{"name": "Ada <Lovelace>"}"""),
        ]);

        var html = await response.Content.ReadAsStringAsync();
        var preview = Html.Parse(html).Single("#preview");
        preview.ShouldHave("#preview-ok");
        preview.Single("#preview-output").TextContent.ShouldContain("\"contact\": \"Ada <Lovelace>\"");
        html.ShouldNotContain("<Lovelace>");
    }

    [Fact]
    public async Task Preview_RecentRecord_UsesItsPayloadAndItsEntityTypesTemplate()
    {
        using var browser = await OnMappingPageAsync("mapping-record");
        using var api = factory.CreateApiClient();
        var id = await api.IngestAsync("mapping-record", "INV-9", """{"amount": 42}""");

        using var response = await browser.HtmxPostAsync("/integrations/mapping-record/mapping?handler=Preview",
        [
            new("Form.DefaultTemplate", """{"default": true}"""),
            new("Form.Templates[invoice]", """{"total": {{ payload.amount }}, "id": {{ record.source_id | object.to_json }}}"""),
            new("Form.SampleRecordId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        var output = Html.Parse(await response.Content.ReadAsStringAsync()).Single("#preview-output").TextContent;
        output.ShouldContain("\"total\": 42");
        output.ShouldContain("\"id\": \"INV-9\"");
    }

    [Fact]
    public async Task Preview_TemplateWithSyntaxError_ShowsLineAndColumn()
    {
        using var browser = await OnMappingPageAsync("mapping-broken");

        using var response = await browser.HtmxPostAsync("/integrations/mapping-broken/mapping?handler=Preview",
            [new("Form.DefaultTemplate", "{\n  \"a\": {{ if }}\n}"), new("Form.SampleJson", "{}")]);

        Html.Parse(await response.Content.ReadAsStringAsync()).Single("#preview-errors .preview-error").TextContent.ShouldStartWith("Line 2, column 14:");
    }

    [Fact]
    public async Task Save_TemplatesAndDefaults_AreStoredAndAudited()
    {
        using var browser = await OnMappingPageAsync("mapping-save");

        using var response = await browser.FormPostAsync("/integrations/mapping-save/mapping",
        [
            new("Form.DefaultTemplate", """{"x": 1}"""), new("Form.Templates[contact]", ContactTemplate), new("Form.Templates[invoice]", ""),
            new("Form.NewEntityType", "credit-note"), new("Form.NewTemplate", """{"credit": true}"""), new("Form.DefaultsJson", """{"currency": "NZD"}"""),
        ]);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.ShouldHave("#saved");
        page.Single("#template-credit-note").TextContent.ShouldBe("""{"credit": true}""");
        var integration = (await factory.FindAsync("mapping-save"))!;
        integration.MappingTemplate.ShouldBe("""{"x": 1}""");
        integration.MappingTemplatesJson.ShouldNotBeNull().ShouldContain("credit-note");
        integration.MappingTemplatesJson.ShouldNotContain("invoice");
        integration.MappingDefaultsJson.ShouldBe("""{"currency": "NZD"}""");
        var audit = (await factory.AuditAsync("mapping-save")).Last();
        audit.Action.ShouldBe("integration.mapping");
        audit.Detail.ShouldNotBeNull().ShouldContain("templates for: contact, credit-note");
    }

    [Fact]
    public async Task Save_BrokenTemplate_NamesItsEntityTypeWithLineAndColumnAndSavesNothing()
    {
        using var browser = await OnMappingPageAsync("mapping-invalid");

        using var response = await browser.FormPostAsync("/integrations/mapping-invalid/mapping",
            [new("Form.DefaultTemplate", """{"ok": 1}"""), new("Form.Templates[contact]", "{{ for }}"), new("Form.DefaultsJson", """{"a": null}""")]);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Single("#error-template-contact").TextContent.ShouldStartWith("Line 1, column");
        page.Single("#error-mapping-defaults").TextContent.ShouldContain("'a' needs a value");
        page.QuerySelector("#saved").ShouldBeNull();
        (await factory.FindAsync("mapping-invalid"))!.MappingTemplate.ShouldBeNull();
    }

    private async Task<Browser> OnMappingPageAsync(string slug)
    {
        var browser = await Browser.SignedInAsync(factory);
        await browser.CreateSecureAsync(slug, FakeConnectionGateway.GoodSecret);
        await browser.OpenAsync($"/integrations/{slug}/mapping");
        return browser;
    }
}
