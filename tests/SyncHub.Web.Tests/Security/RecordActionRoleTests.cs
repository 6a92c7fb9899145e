using System.Globalization;
using System.Net;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Security;

/// <summary>Dismiss, archive, restore and dead-letter retry: viewers see no buttons, and their posts change nothing.</summary>
public sealed class RecordActionRoleTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Theory]
    [InlineData("dead-letter")]
    [InlineData("archived")]
    [InlineData("failed")]
    public async Task Tab_AsViewer_ShowsTheRowsWithoutActionButtons(string tab)
    {
        var id = await RecordOnTabAsync($"role-view-{tab}", tab);
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);

        var page = await browser.OpenAsync($"/failed?tab={tab}&integration=role-view-{tab}");

        var panel = page.Single("#tab-panel");
        panel.ShouldHave($"#record-{id}");
        panel.QuerySelectorAll("button[type=submit], details.dismiss, input[type=checkbox]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Dismiss", "dead-letter")]
    [InlineData("RetrySelected", "dead-letter")]
    [InlineData("Archive", "failed")]
    [InlineData("Restore", "archived")]
    public async Task HtmxPost_ViewerWithValidToken_Returns403AndChangesNothing(string handler, string tab)
    {
        var slug = $"role-post-{handler.ToLowerInvariant()}";
        var id = await RecordOnTabAsync(slug, tab);
        var before = await factory.RecordAsync(id);
        var audit = (await factory.AuditForAsync(id)).Count;
        using var browser = await Browser.SignedInAsync(factory, Roles.Viewer);
        await browser.OpenAsync($"/failed?tab={tab}&integration={slug}");
        var requests = factory.Gateway.Requests.Count;

        using var response = await browser.HtmxPostAsync($"/failed?handler={handler}&tab={tab}&integration={slug}", Form(id));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ShouldBeUntouchedAsync(id, before, audit, requests);
    }

    [Theory]
    [InlineData("Dismiss", "dead-letter")]
    [InlineData("Archive", "failed")]
    [InlineData("Restore", "archived")]
    public async Task Post_WithoutAntiforgeryToken_Returns400AndChangesNothing(string handler, string tab)
    {
        var slug = $"role-csrf-{handler.ToLowerInvariant()}";
        var id = await RecordOnTabAsync(slug, tab);
        var before = await factory.RecordAsync(id);
        var audit = (await factory.AuditForAsync(id)).Count;
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync($"/failed?tab={tab}&integration={slug}");

        using var response = await browser.HtmxPostAsync($"/failed?handler={handler}&tab={tab}&integration={slug}", Form(id), withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldBeUntouchedAsync(id, before, audit, factory.Gateway.Requests.Count);
    }

    private async Task<long> RecordOnTabAsync(string slug, string tab)
    {
        using var api = factory.CreateApiClient();
        var id = tab == "dead-letter"
            ? (await factory.DeadLetterRecordsAsync(api, slug, 1))[0]
            : await FailedAsync(api, slug);
        if (tab == "archived")
        {
            using var archived = await api.PostJsonAsync($"/api/v1/integrations/{slug}/records/archive", $$"""{"ids": [{{id}}]}""");
            archived.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        return id;
    }

    private async Task<long> FailedAsync(HttpClient api, string slug)
    {
        await api.CreateIntegrationAsync(slug);
        return (await factory.FailedRecordsAsync(api, slug, 1))[0];
    }

    private async Task ShouldBeUntouchedAsync(long id, SyncRecord before, int auditEntries, int gatewayRequests)
    {
        var after = await factory.RecordAsync(id);
        (after.Status, after.ArchivedAt, after.DismissedAt, after.RetryCount).ShouldBe((before.Status, before.ArchivedAt, before.DismissedAt, before.RetryCount));
        factory.Gateway.Requests.Count.ShouldBe(gatewayRequests);
        (await factory.AuditForAsync(id)).Count.ShouldBe(auditEntries);
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(long id) =>
    [
        new("ids", id.ToString(CultureInfo.InvariantCulture)),
        new("reason", "not wanted"),
    ];
}
