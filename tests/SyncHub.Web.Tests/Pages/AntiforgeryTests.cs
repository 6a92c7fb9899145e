using System.Globalization;
using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

public sealed class AntiforgeryTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Theory]
    [InlineData("RetrySelected")]
    [InlineData("RetryAll")]
    public async Task Post_WithoutToken_Returns400AndRetriesNothing(string handler)
    {
        var (slug, id) = await FailedRecordAsync($"no-token-{handler.ToLowerInvariant()}");
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync($"/failed?integration={slug}");
        var before = factory.Gateway.Requests.Count;

        using var response = await browser.HtmxPostAsync($"/failed?handler={handler}&integration={slug}", Ids(id), withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldBeUntouchedAsync(slug, id, before);
    }

    [Fact]
    public async Task Post_TokenWithoutItsCookie_Returns400AndRetriesNothing()
    {
        var (slug, id) = await FailedRecordAsync("stolen-token");
        using var victim = await Browser.SignedInAsync(factory);
        await victim.OpenAsync($"/failed?integration={slug}");
        // Signed in on its own, so only the antiforgery check stands between it and the retry.
        using var attacker = await factory.CreateSignedInClientAsync();
        var before = factory.Gateway.Requests.Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/failed?handler=RetrySelected&integration={slug}")
        {
            Content = new FormUrlEncodedContent(Ids(id)),
        };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add(Browser.TokenHeader, victim.Token);

        using var response = await attacker.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldBeUntouchedAsync(slug, id, before);
    }

    private async Task<(string Slug, long Id)> FailedRecordAsync(string slug)
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync(slug);
        return (slug, (await factory.FailedRecordsAsync(api, slug, 1))[0]);
    }

    // Had a retry started, the record would be queued, in flight or delivered by now, not failed and idle.
    private async Task ShouldBeUntouchedAsync(string slug, long id, int gatewayRequestsBefore)
    {
        factory.Gateway.Requests.Count.ShouldBe(gatewayRequestsBefore);
        using var api = factory.CreateApiClient();
        (await api.GetJsonAsync($"/api/v1/records/{id}")).GetProperty("status").GetString().ShouldBe("failed");
        using var browser = await Browser.SignedInAsync(factory);
        var page = await browser.OpenAsync($"/failed?integration={slug}");
        page.Single($"#record-{id}").TextContent.ShouldNotContain("queued for retry");
    }

    private static IEnumerable<KeyValuePair<string, string>> Ids(long id) =>
        [new("ids", id.ToString(CultureInfo.InvariantCulture))];
}
