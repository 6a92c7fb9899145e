using System.Net;
using Shouldly;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Pages;

public sealed class StaticFilesTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Theory]
    [InlineData("/lib/htmx/htmx.min.js", "text/javascript")]
    [InlineData("/lib/pico/pico.min.css", "text/css")]
    [InlineData("/js/site.js", "text/javascript")]
    [InlineData("/css/site.css", "text/css")]
    public async Task StaticFile_FromRepositoryWwwroot_IsServed(string url, string mediaType)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(mediaType);
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Layout_ReferencesTheVendoredLibraries()
    {
        using var client = await factory.CreateSignedInClientAsync();

        var html = await client.GetStringAsync("/");

        html.ShouldContain("/lib/htmx/htmx.min.js");
        html.ShouldContain("/lib/pico/pico.min.css");
    }
}
