using System.Net;
using System.Text;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

public sealed class CreateIntegrationTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string Url = "/api/v1/integrations";

    [Theory]
    [InlineData("fake", "null")]
    [InlineData("webhook", """{"url": "http://127.0.0.1:9/hook"}""")]
    [InlineData("file-drop", """{"folder": "/var/lib/synchub/drop"}""")]
    public async Task Create_ValidRequest_Returns201WithLocationAndBody(string connector, string settings)
    {
        using var api = factory.CreateApiClient();
        var slug = $"created-{connector}";

        using var response = await api.PostJsonAsync(Url, $$"""{"slug": "{{slug}}", "name": "Books {{connector}}", "connector": "{{connector}}", "settings": {{settings}}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        response.Headers.Location?.OriginalString.ShouldBe($"/api/v1/integrations/{slug}");
        var body = await response.ReadJsonAsync();
        body.GetProperty("slug").GetString().ShouldBe(slug);
        body.GetProperty("name").GetString().ShouldBe($"Books {connector}");
        body.GetProperty("connector").GetString().ShouldBe(connector);
        body.GetProperty("connectorLoaded").GetBoolean().ShouldBeTrue();
        var counts = body.GetProperty("counts");
        foreach (var count in new[] { "pending", "inFlight", "delivered", "failed" })
        {
            counts.GetProperty(count).GetInt32().ShouldBe(0);
        }
    }

    [Fact]
    public async Task Create_DuplicateSlug_Returns409()
    {
        using var api = factory.CreateApiClient();
        await api.CreateIntegrationAsync("taken");

        using var response = await api.PostJsonAsync(Url, """{"slug": "taken", "name": "Another", "connector": "fake"}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"slug": "Not A Slug!", "name": "x", "connector": "fake"}""", "slug")]
    [InlineData("""{"name": "x", "connector": "fake"}""", "slug")]
    [InlineData("""{"slug": "no-name", "connector": "fake"}""", "name")]
    [InlineData("""{"slug": "blank-name", "name": "  ", "connector": "fake"}""", "name")]
    [InlineData("""{"slug": "unknown-connector", "name": "x", "connector": "quickbooks-9000"}""", "connector")]
    [InlineData("""{"slug": "settings-array", "name": "x", "connector": "fake", "settings": [1, 2]}""", "settings")]
    [InlineData("""{"slug": "settings-string", "name": "x", "connector": "fake", "settings": "url"}""", "settings")]
    [InlineData("""{"slug": "bad-template", "name": "x", "connector": "fake", "mapping": "{{ if }}"}""", "mapping")]
    [InlineData("""{"slug": "bad-factor", "name": "x", "connector": "fake", "retry": {"factor": 100}}""", "retry.factor")]
    [InlineData("""{"slug": "fd-relative", "name": "x", "connector": "file-drop", "settings": {"folder": "relative/dir"}}""", "settings.folder")]
    [InlineData("""{"slug": "fd-climb", "name": "x", "connector": "file-drop", "settings": {"folder": "../../../../etc"}}""", "settings.folder")]
    [InlineData("""{"slug": "fd-climb-abs", "name": "x", "connector": "file-drop", "settings": {"folder": "/var/drop/../../etc"}}""", "settings.folder")]
    [InlineData("""{"slug": "hook-unknown", "name": "x", "connector": "webhook", "settings": {"url": "http://127.0.0.1:9/hook", "colour": "blue"}}""", "settings.colour")]
    [InlineData("""{"slug": "hook-headers", "name": "x", "connector": "webhook", "settings": {"url": "http://127.0.0.1:9/hook", "headers": "Bearer x"}}""", "settings.headers")]
    public async Task Create_InvalidField_Returns400NamingTheField(string json, string field)
    {
        using var api = factory.CreateApiClient();

        using var response = await api.PostJsonAsync(Url, json);

        await response.ShouldBeValidationProblemAsync(field);
    }

    [Fact]
    public async Task Create_UndeclaredSetting_MessageNamesTheSettingAndTheDeclaredOnes()
    {
        using var api = factory.CreateApiClient();

        using var response = await api.PostJsonAsync(Url, """{"slug": "hook-typo", "name": "x", "connector": "webhook", "settings": {"url": "http://127.0.0.1:9/hook", "lookupURL": "http://127.0.0.1:9/find"}}""");

        await response.ShouldBeValidationProblemAsync("settings.lookupURL");
        var message = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("settings.lookupURL")[0].GetString();
        message.ShouldBe("'lookupURL' is not a setting of this connector; it declares headers, lookupUrl, sourceUrl, url.");
        (await api.GetAsync(Url + "/hook-typo")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"slug": 5, "name": "x", "connector": "fake"}""", "slug")]
    [InlineData("""{"slug": "typed", "name": ["x"], "connector": "fake"}""", "name")]
    [InlineData("""{"slug": "typed", "name": "x", "connector": "fake", "retry": {"factor": "fast"}}""", "retry.factor")]
    public async Task Create_WrongJsonType_Returns400NamingTheField(string json, string field)
    {
        using var api = factory.CreateApiClient();

        using var response = await api.PostJsonAsync(Url, json);

        await response.ShouldBeValidationProblemAsync(field);
    }

    [Theory]
    [InlineData("""{"slug": "broken", "name": """)]
    [InlineData("not json at all")]
    [InlineData("[1, 2, 3]")]
    public async Task Create_MalformedJson_Returns400Problem(string json)
    {
        using var api = factory.CreateApiClient();

        using var response = await api.PostJsonAsync(Url, json);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Create_NonJsonContentType_Returns415()
    {
        using var api = factory.CreateApiClient();
        using var content = new StringContent("""{"slug": "plain", "name": "x", "connector": "fake"}""", Encoding.UTF8, "text/plain");

        using var response = await api.PostAsync(Url, content);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
