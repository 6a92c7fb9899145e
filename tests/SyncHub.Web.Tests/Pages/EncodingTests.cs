using System.Net;
using AngleSharp.Dom;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Pages;

/// <summary>Whatever a provider answers is shown as text, never run as markup.</summary>
public sealed class EncodingTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>, IAsyncLifetime
{
    private const string Slug = "hostile";
    private const string HostileMessage = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private long _id;

    public async Task InitializeAsync()
    {
        using var api = factory.CreateApiClient();
        using var existing = await api.GetAsync($"/api/v1/integrations/{Slug}");
        if (existing.StatusCode == HttpStatusCode.NotFound)
        {
            await api.CreateIntegrationAsync(Slug);
            await api.IngestAsync(Slug, "INV-<b>bold</b>", """{"note": "<script>alert(3)</script>"}""");
            factory.Gateway.ThenFail(ErrorClass.Validation, HostileMessage, 422);
            await factory.DeliverPendingAsync();
        }

        var page = await api.GetJsonAsync($"/api/v1/integrations/{Slug}/records?status=failed");
        _id = page.GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/failed")]
    [InlineData("/failed?integration=hostile")]
    [InlineData("/")]
    [InlineData("/records/{id}")]
    [InlineData("/failed?handler=Details&id={id}")]
    public async Task Page_ProviderMessageWithMarkup_IsShownAsEncodedText(string url)
    {
        using var browser = await Browser.SignedInAsync(factory);

        using var response = await browser.Client.GetAsync(url.Replace("{id}", _id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldNotContain("<script>alert", Case.Insensitive);
        html.ShouldNotContain("<img src=x", Case.Insensitive);
        var document = Html.Parse(html);
        document.All.ShouldNotContain(e => e.HasAttribute("onerror"));
        document.QuerySelectorAll("img").ShouldBeEmpty();
        document.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src") && s.TextContent.Length == 0);
        document.Body!.TextContent.ShouldContain(HostileMessage);
    }
}
