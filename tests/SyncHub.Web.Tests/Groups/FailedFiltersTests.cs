using System.Globalization;
using System.Net;
using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Groups;

/// <summary>The failed list's filters and search: they combine, survive paging and tabs, and scope Retry All.</summary>
public sealed class FailedFiltersTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Search_SourceIdPayloadOrMessage_ListsOnlyTheMatches()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("flt-search");
        var plain = await factory.FailedRecordsAsync(api, "flt-search", 2);
        var byPayload = await api.IngestAsync("flt-search", "P-1", """{"amount": 3, "customer": "Zebra Holdings"}""");
        factory.Gateway.ThenFail(SyncHub.Connectors.ErrorClass.Transient, "Service unavailable", 503);
        await factory.DeliverPendingAsync();
        var refused = await factory.RefusedInvoicesAsync(api, "flt-search", 2);
        using var browser = await Browser.SignedInAsync(factory);

        var payloadHits = await browser.OpenAsync("/failed?integration=flt-search&q=zebra");
        var messageHits = await browser.OpenAsync("/failed?integration=flt-search&q=INV-1001");
        var sourceHits = await browser.OpenAsync($"/failed?integration=flt-search&q=REF-flt-search-0");
        var none = await browser.OpenAsync("/failed?integration=flt-search&q=50%25_off");

        Rows(payloadHits).ShouldBe([byPayload]);
        Rows(messageHits).ShouldBe([refused[1]]);
        Rows(sourceHits).ShouldBe([refused[0]]);
        none.ShouldHave("#no-matching-records");
        payloadHits.Single("#search-filter").GetAttribute("value").ShouldBe("zebra");
        payloadHits.Single("#tab-dead-letter").GetAttribute("href").ShouldBe("/failed?tab=dead-letter&integration=flt-search&q=zebra");
        plain.ShouldNotContain(byPayload);
    }

    [Fact]
    public async Task Filters_Combined_NarrowTheListAndSurvivePaging()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("flt-page");
        var many = await factory.RefusedInvoicesAsync(api, "flt-page", 53);
        await factory.FailedRecordsAsync(api, "flt-page", 2);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var query = $"integration=flt-page&errorClass=Validation&entityType=invoice&from={today}&to={today}&q=REF-";
        using var browser = await Browser.SignedInAsync(factory);

        var first = await browser.OpenAsync("/failed?" + query);
        var next = first.Single("#next-page").GetAttribute("href")!;
        var second = await browser.OpenAsync(next);

        Rows(first).Count.ShouldBe(50);
        next.ShouldContain("q=REF-");
        next.ShouldContain($"from={today}");
        next.ShouldContain("errorClass=Validation");
        Rows(first).Concat(Rows(second)).Order().ShouldBe(many.Order());
        Rows(await browser.OpenAsync("/failed?integration=flt-page&minRetries=1")).ShouldBeEmpty();
        Rows(await browser.OpenAsync("/failed?integration=flt-page&entityType=customer")).ShouldBeEmpty();
        Rows(await browser.OpenAsync("/failed?integration=flt-page&from=2099-01-01")).ShouldBeEmpty();
    }

    [Fact]
    public async Task RetryAll_WithSearch_RetriesOnlyTheMatches()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("flt-retry");
        var others = await factory.FailedRecordsAsync(api, "flt-retry", 3);
        var refused = await factory.RefusedInvoicesAsync(api, "flt-retry", 2);
        using var browser = await Browser.SignedInAsync(factory);
        var page = await browser.OpenAsync("/failed?integration=flt-retry&q=REF-flt-retry");
        page.Single("#retry-all").TextContent.ShouldContain("matching the filters");

        using var response = await browser.HtmxPostAsync("/failed?handler=RetryAll&integration=flt-retry&q=REF-flt-retry");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var poll = Html.Parse(await response.Content.ReadAsStringAsync()).Single("#operation-progress").GetAttribute("hx-get")!;
        var operation = await api.WaitForOperationAsync(poll[(poll.IndexOf("id=", StringComparison.Ordinal) + 3)..]);
        operation.GetProperty("total").GetInt32().ShouldBe(2);
        foreach (var id in refused)
        {
            (await factory.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        }

        foreach (var id in others)
        {
            (await factory.RecordAsync(id)).Status.ShouldBe(RecordStatus.Failed);
        }
    }

    private static List<long> Rows(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("#failed-list tbody tr[id^=record-]").Select(r => long.Parse(r.Id!["record-".Length..], CultureInfo.InvariantCulture))];
}
