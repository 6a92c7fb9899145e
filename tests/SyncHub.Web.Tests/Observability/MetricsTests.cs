using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Observability;

/// <summary>/metrics: the SyncHub meter in Prometheus text, behind a full API key unless configured open.</summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Metrics_AfterADelivery_CounterAndHistogramMove()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("metrics-books");
        var before = Delivered(await ScrapeAsync(api), "metrics-books");

        await api.IngestAsync("metrics-books", "INV-M-1");
        await factory.DeliverPendingAsync();

        // The exporter caches a scrape for a moment; ask until the new value shows.
        var text = await Eventually.MatchesAsync(() => ScrapeAsync(api), t => Delivered(t, "metrics-books") > before, "the delivery counter to move");
        Delivered(text, "metrics-books").ShouldBe(before + 1);
        text.ShouldContain("synchub_delivery_attempt_duration");
        text.ShouldContain("synchub_queue_failed");
        text.ShouldContain("synchub_queue_dead_letter");
        text.ShouldContain("synchub_delivery_lag");
    }

    [Fact]
    public async Task Metrics_AfterAFailure_CountsItByErrorClass()
    {
        using var api = factory.CreateApiClient();
        await api.EnsureIntegrationAsync("metrics-fails");

        await factory.FailedRecordsAsync(api, "metrics-fails", 1);

        var text = await Eventually.MatchesAsync(() => ScrapeAsync(api), t => t.Contains("integration=\"metrics-fails\""), "the failure to show");
        Regex.IsMatch(text, @"synchub_deliveries_total\{[^}]*error_class=""Transient""[^}]*integration=""metrics-fails""[^}]*outcome=""failed""").ShouldBeTrue(text);
    }

    [Fact]
    public async Task Metrics_WithoutKey_Returns401()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Metrics_RequireApiKeyOff_AnswersWithoutKey()
    {
        await using var open = new SyncHubWebFactory();
        open.Settings["SyncHub:Metrics:RequireApiKey"] = "false";
        using var client = open.CreateClient();

        using var response = await client.GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> ScrapeAsync(HttpClient api)
    {
        using var response = await api.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return text;
    }

    private static double Delivered(string text, string integration)
    {
        var match = DeliveredLine().Matches(text).FirstOrDefault(m => m.Groups["labels"].Value.Contains($"integration=\"{integration}\"") && m.Groups["labels"].Value.Contains("outcome=\"delivered\""));
        return match is null ? 0 : double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^synchub_deliveries_total\{(?<labels>[^}]*)\} (?<value>[0-9.e+]+)", RegexOptions.Multiline)]
    private static partial Regex DeliveredLine();
}
