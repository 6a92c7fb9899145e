using System.Globalization;
using Shouldly;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Breakers;

/// <summary>The dashboard and the API show each integration's breaker and its connector's, with the next probe time.</summary>
public sealed class BreakerStatusTests(BreakerWebFactory factory) : IClassFixture<BreakerWebFactory>
{
    private const string Down = "brk-down";
    private const string Up = "brk-up";

    [Fact]
    public async Task Dashboard_TrippedIntegration_ShowsOpenWithNextProbeTimeAndOthersClosed()
    {
        var nextProbe = await TripOnceAsync();
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/");

        var down = page.Single($"#breaker-{Down}");
        down.GetAttribute("data-breaker").ShouldBe("Open");
        down.TextContent.ShouldContain("Open");
        down.TextContent.ShouldContain("next probe at " + nextProbe.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        page.Single($"#breaker-{Up}").TextContent.ShouldContain("Closed");
        page.Single($"#connector-breaker-{Up}").TextContent.ShouldContain("Closed");
    }

    [Fact]
    public async Task StatusFragment_TrippedIntegration_ShowsTheBreaker()
    {
        await TripOnceAsync();
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.HtmxGetAsync("/?handler=Status");

        Html.Parse(await response.Content.ReadAsStringAsync()).Single($"#breaker-{Down}").GetAttribute("data-breaker").ShouldBe("Open");
    }

    [Fact]
    public async Task Api_Integration_IncludesBreakerStateAndNextProbe()
    {
        var nextProbe = await TripOnceAsync();
        using var api = factory.CreateApiClient();

        var down = await api.GetJsonAsync($"/api/v1/integrations/{Down}");
        var up = await api.GetJsonAsync($"/api/v1/integrations/{Up}");

        down.GetProperty("breaker").GetProperty("state").GetString().ShouldBe("open");
        down.GetProperty("breaker").GetProperty("nextProbeAt").GetDateTimeOffset().ShouldBe(nextProbe);
        down.GetProperty("connectorBreaker").GetProperty("state").GetString().ShouldBe("closed");
        up.GetProperty("breaker").GetProperty("state").GetString().ShouldBe("closed");
        up.GetProperty("breaker").GetProperty("nextProbeAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    /// <summary>Trips <see cref="Down"/> (five transient failures) unless an earlier test did; returns its next probe time.</summary>
    private async Task<DateTimeOffset> TripOnceAsync()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync(Up);
        using var existing = await api.GetAsync($"/api/v1/integrations/{Down}");
        if (existing.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            await api.CreateIntegrationAsync(Down);
            await factory.FailedRecordsAsync(api, Down, 5);
        }

        var body = await api.GetJsonAsync($"/api/v1/integrations/{Down}");
        return body.GetProperty("breaker").GetProperty("nextProbeAt").GetDateTimeOffset();
    }
}
