using System.Net;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Api;

/// <summary>Notification channels through the API: secrets are write-only, changes keep what is left out, each is audited.</summary>
public sealed class NotificationChannelsApiTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string SecretUrl = "https://hooks.example.com/services/T0/B0/secret-token-123";

    [Fact]
    public async Task CreatePatchDelete_WebhookChannel_NeverShowsTheUrlAndAuditsEachChange()
    {
        using var api = factory.CreateApiClient();

        using var created = await api.PostJsonAsync("/api/v1/notification-channels",
            $$"""{"name": "Ops hook", "kind": "webhook", "enabled": false, "events": ["alertOpened", "deadLettered"], "url": "{{SecretUrl}}"}""");
        var body = await created.Content.ReadAsStringAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
        using var renamed = await api.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/notification-channels/{id}")
        {
            Content = ApiCalls.Json("""{"name": "Ops webhook", "throttleMinutes": 30}"""),
        });
        var changed = await renamed.ReadJsonAsync();
        using var deleted = await api.DeleteAsync($"/api/v1/notification-channels/{id}");
        using var gone = await api.GetAsync($"/api/v1/notification-channels/{id}");

        body.ShouldNotContain("secret-token-123");
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.GetProperty("name").GetString().ShouldBe("Ops webhook");
        changed.GetProperty("throttleMinutes").GetInt32().ShouldBe(30);
        changed.GetProperty("enabled").GetBoolean().ShouldBeFalse();
        changed.GetProperty("kind").GetString().ShouldBe("webhook");
        changed.GetProperty("events").EnumerateArray().Select(e => e.GetString()).ShouldBe(["alertOpened", "deadLettered"]);
        changed.GetProperty("maskedUrl").GetString()!.ShouldStartWith("https://hooks.example.com");
        changed.GetProperty("maskedUrl").GetString()!.ShouldNotContain("secret-token-123");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var actions = (await api.GetJsonAsync($"/api/v1/audit?target=notification%20channel%20{id}%20")).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldBe(["notification-channel.delete", "notification-channel.update", "notification-channel.create"]);
    }

    [Fact]
    public async Task Create_WithoutKindOrUrl_Returns400NamingThem()
    {
        using var api = factory.CreateApiClient();

        using var noKind = await api.PostJsonAsync("/api/v1/notification-channels", """{"name": "Nothing"}""");
        using var noUrl = await api.PostJsonAsync("/api/v1/notification-channels", """{"name": "No address", "kind": "slack"}""");

        await noKind.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await noKind.ReadJsonAsync()).GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue();
        await noUrl.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await noUrl.ReadJsonAsync()).GetProperty("errors").TryGetProperty("url", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Test_InAppChannel_PutsTheMessageInTheInbox()
    {
        using var api = factory.CreateApiClient();
        using var created = await api.PostJsonAsync("/api/v1/notification-channels", """{"name": "Inbox", "kind": "inApp"}""");
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();

        using var sent = await api.PostAsync($"/api/v1/notification-channels/{id}/test", null);

        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sent.ReadJsonAsync()).GetProperty("succeeded").GetBoolean().ShouldBeTrue();
        var channel = await api.GetJsonAsync($"/api/v1/notification-channels/{id}");
        channel.GetProperty("lastSuccessAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
    }
}
