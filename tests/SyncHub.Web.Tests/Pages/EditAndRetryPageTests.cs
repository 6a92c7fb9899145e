using System.Net;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class EditAndRetryPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string Payload = """{"customer": "Acme Ltd", "email": "billing(at)acme"}""";
    private const string Fixed = "{\n  \"customer\": \"Acme Ltd\",\n  \"email\": \"billing@acme.example\"\n}";

    [Fact]
    public async Task RecordPage_FailedRecordAsOperator_OffersTheEditorWithThePrettyPayload()
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "edit-open", Payload);
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);

        var page = await browser.OpenAsync($"/records/{id}");

        var editor = page.Single("#edit-retry textarea#edit-payload");
        editor.TextContent.ShouldBe("{\n  \"customer\": \"Acme Ltd\",\n  \"email\": \"billing(at)acme\"\n}");
        page.ShouldHave("#edit-retry input[name=__RequestVerificationToken]");
        page.Single("#edit-save").TextContent.ShouldBe("Save and retry");
    }

    [Fact]
    public async Task SaveAndRetry_Htmx_DeliversAndTheFragmentShowsTheNewStatusAndTheEditInTheHistory()
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "edit-save", Payload);
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync($"/records/{id}");

        using var response = await browser.HtmxPostAsync($"/records/{id}?handler=EditRetry", Form(Fixed, 1));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fragment = Html.Parse(await response.Content.ReadAsStringAsync());
        fragment.ShouldHave("#record-body");
        fragment.Single("#record-status").TextContent.Trim().ShouldBe("Delivered");
        fragment.Single("#result-message").TextContent.ShouldBe("Saved as version 2 and retried: delivered.");
        fragment.QuerySelector("#edit-retry").ShouldBeNull();
        var history = fragment.Single("#record-history");
        var edit = history.Single("li.history-change");
        edit.TextContent.ShouldContain("Edited by operator@test.local");
        edit.TextContent.ShouldContain("~ /email: \"billing(at)acme\" → \"billing@acme.example\"");
        var items = history.QuerySelectorAll("li").Select(li => li.Id).ToList();
        items.Count.ShouldBe(3);
        items[1].ShouldBe(edit.Id);
        fragment.Single($"#{items[0]}").TextContent.ShouldContain("manual retry, version 2");
        var record = await factory.RecordAsync(id);
        (record.Status, record.PayloadVersion).ShouldBe((RecordStatus.Delivered, 2));
        (await factory.AuditForAsync(id)).ShouldHaveSingleItem().Action.ShouldBe("record.edit-retry");
    }

    [Fact]
    public async Task SaveAndRetry_InvalidJson_ShowsLineAndColumnNextToTheEditorAndKeepsTheText()
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "edit-syntax", Payload);
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync($"/records/{id}");
        const string broken = "{\n  \"customer\": \"Acme Ltd\",\n  \"email\": billing@acme.example\n}";

        using var response = await browser.HtmxPostAsync($"/records/{id}?handler=EditRetry", Form(broken, 1));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fragment = Html.Parse(await response.Content.ReadAsStringAsync());
        fragment.Single("#edit-problem").TextContent.ShouldStartWith("The payload is not valid JSON at line 3, column 12:");
        fragment.Single("#edit-payload").TextContent.ShouldBe(broken);
        fragment.Single("#edit-payload").GetAttribute("aria-invalid").ShouldBe("true");
        await ShouldBeUntouchedAsync(id);
    }

    [Fact]
    public async Task Validate_ValidEdit_ListsTheChangesAndSavesNothing()
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "edit-validate", Payload);
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync($"/records/{id}");

        using var response = await browser.HtmxPostAsync($"/records/{id}?handler=EditRetry", [.. Form(Fixed, 1), new("validateOnly", "true")]);

        var fragment = Html.Parse(await response.Content.ReadAsStringAsync());
        fragment.Single("#edit-preview").TextContent.ShouldContain("~ /email: \"billing(at)acme\" → \"billing@acme.example\"");
        fragment.Single("#edit-problem").TextContent.ShouldBeEmpty();
        await ShouldBeUntouchedAsync(id);
    }

    [Fact]
    public async Task RecordPage_AsViewer_HasNoEditorAndAPostIsRefused()
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "edit-viewer", Payload);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var page = await browser.OpenAsync($"/records/{id}");
        using var response = await browser.HtmxPostAsync($"/records/{id}?handler=EditRetry", Form(Fixed, 1));

        page.QuerySelector("#edit-retry").ShouldBeNull();
        page.QuerySelector("textarea").ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ShouldBeUntouchedAsync(id);
    }

    [Fact]
    public async Task SaveAndRetry_WithoutAntiforgeryToken_Returns400AndChangesNothing()
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "edit-csrf", Payload);
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync($"/records/{id}");

        using var response = await browser.HtmxPostAsync($"/records/{id}?handler=EditRetry", Form(Fixed, 1), withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldBeUntouchedAsync(id);
    }

    [Fact]
    public async Task SaveAndRetry_PlainFormPost_RendersTheWholePage()
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "edit-plain", Payload);
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync($"/records/{id}");

        using var response = await browser.FormPostAsync($"/records/{id}?handler=EditRetry", Form(Fixed, 1));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.ShouldHave("nav[aria-label=breadcrumb]");
        page.Single("#record-status").TextContent.Trim().ShouldBe("Delivered");
    }

    [Fact]
    public async Task RecordPage_UntrustedPayloadText_IsEncodedInTheEditorAndTheHistory()
    {
        using var api = factory.CreateApiClient();
        var id = await factory.InvalidRecordAsync(api, "edit-encode", """{"note": "</textarea><script>alert(1)</script>"}""");
        using var browser = await Browser.SignedInAsync(factory, Roles.Operator);
        await browser.OpenAsync($"/records/{id}");

        using var response = await browser.HtmxPostAsync($"/records/{id}?handler=EditRetry", [.. Form("""{"note": "<img src=x onerror=alert(2)>"}""", 1), new("validateOnly", "true")]);

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert(1)");
        html.ShouldNotContain("<img src=x");
        Html.Parse(html).QuerySelectorAll("script, img").ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordPage_AutomaticFix_AppearsInTheHistory()
    {
        using var api = factory.CreateApiClient();
        var refusal = DeliveryOutcome.Invalid("Invalid email", [new FieldProblem("Contact.EmailAddress", "must be valid")], 400);
        var id = await factory.InvalidRecordAsync(api, "edit-autofix", """{"email": " Ann@Example.COM "}""", refusal);
        await factory.DeliverPendingAsync();
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var page = await browser.OpenAsync($"/records/{id}");

        page.Single("#record-status").TextContent.Trim().ShouldBe("Delivered");
        var fix = page.Single("#record-history li.history-change");
        fix.TextContent.ShouldContain("Fixed automatically");
        fix.TextContent.ShouldContain("version 1 → 2");
        fix.TextContent.ShouldContain("email /email: \" Ann@Example.COM \" → \"ann@example.com\"");
    }

    private static List<KeyValuePair<string, string>> Form(string payload, int version) =>
        [new("payload", payload), new("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private async Task ShouldBeUntouchedAsync(long id)
    {
        var record = await factory.RecordAsync(id);
        (record.Status, record.PayloadVersion).ShouldBe((RecordStatus.Failed, 1));
        (await factory.AuditForAsync(id)).ShouldBeEmpty();
    }
}
