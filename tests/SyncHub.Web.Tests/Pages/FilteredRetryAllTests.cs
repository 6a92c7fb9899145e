using System.Net;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>The failed list's error-class filter, and Retry All (page and API) limited to that class.</summary>
public sealed class FilteredRetryAllTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task RetryAll_FilteredByErrorClass_RetriesOnlyThatClass()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("class-page");
        var transient = await factory.FailedRecordsAsync(api, "class-page", 2);
        var invalid = await ValidationFailuresAsync(api, "class-page", 2);
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/failed?integration=class-page&errorClass=Validation");
        page.Single("#error-class-filter option[selected]").GetAttribute("value").ShouldBe("Validation");
        page.Single("#retry-all").TextContent.ShouldContain("Validation");
        foreach (var id in transient)
        {
            page.QuerySelector($"#record-{id}").ShouldBeNull();
        }

        using var response = await browser.HtmxPostAsync("/failed?handler=RetryAll&integration=class-page&errorClass=Validation");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var poll = Html.Parse(await response.Content.ReadAsStringAsync()).Single("#operation-progress").GetAttribute("hx-get")!;
        var operation = await api.WaitForOperationAsync(poll[(poll.IndexOf("id=", StringComparison.Ordinal) + 3)..]);

        operation.GetProperty("total").GetInt32().ShouldBe(2);
        foreach (var id in invalid)
        {
            (await api.GetJsonAsync($"/api/v1/records/{id}")).GetProperty("status").GetString().ShouldBe("delivered");
        }

        foreach (var id in transient)
        {
            (await api.GetJsonAsync($"/api/v1/records/{id}")).GetProperty("status").GetString().ShouldBe("failed");
        }
    }

    [Fact]
    public async Task ApiRetry_AllWithErrorClass_TakesOnlyThatClass()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("class-api");
        await factory.FailedRecordsAsync(api, "class-api", 3);
        await ValidationFailuresAsync(api, "class-api", 1);

        var id = await api.StartRetryAsync("class-api", """{"all": true, "errorClass": "validation"}""");
        var operation = await api.WaitForOperationAsync(id);

        operation.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ApiRetry_ErrorClassWithIds_IsRejected()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("class-ids");

        using var response = await api.PostJsonAsync("/api/v1/integrations/class-ids/records/retry", """{"ids": [1], "errorClass": "validation"}""");

        await response.ShouldBeValidationProblemAsync("errorClass");
    }

    private async Task<long[]> ValidationFailuresAsync(HttpClient api, string slug, int count)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await api.IngestAsync(slug, $"BAD-{slug}-{i}");
            factory.Gateway.ThenFail(ErrorClass.Validation, "Amount must be positive", 422);
        }

        await factory.DeliverPendingAsync();
        return ids;
    }
}
