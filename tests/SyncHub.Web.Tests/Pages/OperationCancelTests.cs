using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>The Cancel button on the progress panel, who sees it, and the API's cancel endpoint.</summary>
public sealed class OperationCancelTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Cancel_RunningRetryAll_ShowsCancelledPanelWithWhoAndHowMany()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("cancel-page");
        await factory.FailedRecordsAsync(api, "cancel-page", 4);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?integration=cancel-page");
        factory.Gateway.Hold();
        try
        {
            using var started = await browser.HtmxPostAsync("/failed?handler=RetryAll&integration=cancel-page");
            var panel = Html.Parse(await started.Content.ReadAsStringAsync()).Single("#operation-progress");
            panel.Single("#cancel-operation").TextContent.ShouldBe("Cancel");
            panel.Single("#operation-eta").ShouldNotBeNull();
            var id = OperationId(panel.GetAttribute("hx-get")!);

            using var cancelled = await browser.HtmxPostAsync($"/failed?handler=Cancel&id={id}");
            using var twice = await browser.HtmxPostAsync($"/failed?handler=Cancel&id={id}");

            cancelled.StatusCode.ShouldBe(HttpStatusCode.OK);
            var ended = Html.Parse(await cancelled.Content.ReadAsStringAsync()).Single("#operation-progress");
            ended.HasAttribute("hx-trigger").ShouldBeFalse();
            ended.GetAttribute("data-status").ShouldBe("cancelled");
            ended.Single("#operation-message").TextContent.ShouldContain("Cancelled by");
            ended.Single("#operation-message").TextContent.ShouldContain("left untouched");
            twice.StatusCode.ShouldBe(HttpStatusCode.OK, "a second click shows the ended panel");
            Html.Parse(await twice.Content.ReadAsStringAsync()).Single("#operation-progress").GetAttribute("data-status").ShouldBe("cancelled");
        }
        finally
        {
            factory.Gateway.Release();
        }
    }

    [Fact]
    public async Task Cancel_Viewer_SeesNoButtonAndIsRefused()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("cancel-viewer");
        await factory.FailedRecordsAsync(api, "cancel-viewer", 3);
        factory.Gateway.Hold();
        string id;
        try
        {
            id = await api.StartRetryAsync("cancel-viewer", """{"all": true}""");
            using var viewer = await Browser.SignedInAsync(factory, Roles.Viewer);

            var page = await viewer.OpenAsync($"/failed?integration=cancel-viewer&operation={id}");
            using var refused = await viewer.HtmxPostAsync($"/failed?handler=Cancel&id={id}");

            page.Single("#operation-progress").QuerySelector("#cancel-operation").ShouldBeNull();
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await api.GetJsonAsync($"/api/v1/operations/{id}")).GetProperty("status").GetString().ShouldBe("running");
        }
        finally
        {
            factory.Gateway.Release();
        }

        await api.WaitForOperationAsync(id);
    }

    [Fact]
    public async Task Cancel_WithoutAntiforgeryToken_Returns400AndKeepsRunning()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("cancel-csrf");
        await factory.FailedRecordsAsync(api, "cancel-csrf", 2);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?integration=cancel-csrf");
        factory.Gateway.Hold();
        string id;
        try
        {
            id = await api.StartRetryAsync("cancel-csrf", """{"all": true}""");

            using var response = await browser.HtmxPostAsync($"/failed?handler=Cancel&id={id}", withToken: false);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await api.GetJsonAsync($"/api/v1/operations/{id}")).GetProperty("status").GetString().ShouldBe("running");
        }
        finally
        {
            factory.Gateway.Release();
        }

        (await api.WaitForOperationAsync(id)).GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact]
    public async Task ApiCancel_Running_Returns202ThenConflict()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("cancel-api");
        await factory.FailedRecordsAsync(api, "cancel-api", 3);
        factory.Gateway.Hold();
        try
        {
            var id = await api.StartRetryAsync("cancel-api", """{"all": true}""");

            using var first = await api.PostJsonAsync($"/api/v1/operations/{id}/cancel", "{}");
            using var second = await api.PostJsonAsync($"/api/v1/operations/{id}/cancel", "{}");
            using var unknown = await api.PostJsonAsync($"/api/v1/operations/{Guid.NewGuid()}/cancel", "{}");

            first.StatusCode.ShouldBe(HttpStatusCode.Accepted, await first.Content.ReadAsStringAsync());
            var body = await first.ReadJsonAsync();
            body.GetProperty("status").GetString().ShouldBe("cancelled");
            body.GetProperty("message").GetString().ShouldNotBeNull().ShouldContain("Cancelled by");
            await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        finally
        {
            factory.Gateway.Release();
        }
    }

    private static string OperationId(string poll) => poll[(poll.IndexOf("id=", StringComparison.Ordinal) + 3)..];
}
