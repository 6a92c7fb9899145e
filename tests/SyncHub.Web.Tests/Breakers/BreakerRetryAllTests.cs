using System.Globalization;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Breakers;

public sealed class BreakerRetryAllTests(BreakerWebFactory factory) : IClassFixture<BreakerWebFactory>
{
    [Fact]
    public async Task RetryAll_BreakerOpen_ProgressSaysItWaitsUntilTheNextProbeAndRecordsStayFailed()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("brk-wait");
        await factory.FailedRecordsAsync(api, "brk-wait", 5);
        var nextProbe = (await api.GetJsonAsync("/api/v1/integrations/brk-wait")).GetProperty("breaker").GetProperty("nextProbeAt").GetDateTimeOffset();
        var calls = factory.Gateway.Requests.Count;
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/failed?integration=brk-wait");

        using var response = await browser.HtmxPostAsync("/failed?handler=RetryAll&integration=brk-wait");
        var poll = Html.Parse(await response.Content.ReadAsStringAsync()).Single("#operation-progress").GetAttribute("hx-get")!;
        var progress = await Eventually.MatchesAsync(
            async () =>
            {
                using var next = await browser.HtmxGetAsync(poll);
                return Html.Parse(await next.Content.ReadAsStringAsync());
            },
            fragment => fragment.QuerySelector("#operation-waiting") is not null,
            "the progress panel to say it waits for the breaker");

        progress.Single("#operation-progress").GetAttribute("hx-trigger").ShouldBe("every 1s");
        progress.Single("#operation-waiting").TextContent.ShouldContain(
            "Waiting: connection breaker open until " + nextProbe.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        factory.Gateway.Requests.Count.ShouldBe(calls);
        var counts = (await api.GetJsonAsync("/api/v1/integrations/brk-wait")).GetProperty("counts");
        counts.GetProperty("failed").GetInt32().ShouldBe(5);
    }
}
