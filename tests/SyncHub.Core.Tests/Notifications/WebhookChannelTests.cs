using System.Text.Json;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Notifications;

public sealed class WebhookChannelTests
{
    [Fact]
    public async Task Send_PlainWebhook_PostsTheJsonPayload()
    {
        await using var server = new LoopbackWebhookServer();
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.Webhook, server.Url);
        harness.Notify(NotificationTestData.DeadLetter(error: "Tax code \"X9\" unknown"));

        await harness.RunNotificationsAsync();

        using var json = JsonDocument.Parse(server.Bodies.ShouldHaveSingleItem());
        var root = json.RootElement;
        root.GetProperty("event").GetString().ShouldBe("dead-lettered");
        root.GetProperty("subject").GetString().ShouldBe("[SyncHub] 1 record became a dead letter · books");
        root.GetProperty("text").GetString().ShouldNotBeNull().ShouldContain("Latest error: Tax code \"X9\" unknown");
        root.GetProperty("count").GetInt32().ShouldBe(1);
        root.GetProperty("integration").GetString().ShouldBe("books");
        root.GetProperty("link").GetString().ShouldBe("/failed?tab=dead-letter&integration=books");
        (await harness.NotificationsAsync()).ShouldHaveSingleItem().Status.ShouldBe(NotificationStatus.Sent);
    }

    [Fact]
    public async Task Send_SlackWebhook_PostsTextAndBlocksWithOutsideTextEscaped()
    {
        await using var server = new LoopbackWebhookServer();
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.Slack, server.Url);
        harness.Notify(NotificationTestData.DeadLetter(error: "<!channel> see <http://evil.test|here> & more"));

        await harness.RunNotificationsAsync();

        using var json = JsonDocument.Parse(server.Bodies.ShouldHaveSingleItem());
        var text = json.RootElement.GetProperty("text").GetString().ShouldNotBeNull();
        text.ShouldStartWith("*[SyncHub] 1 record became a dead letter · books*\n");
        text.ShouldContain("&lt;!channel&gt; see &lt;http://evil.test|here&gt; &amp; more");
        text.ShouldNotContain("<!channel>");
        var block = json.RootElement.GetProperty("blocks")[0];
        block.GetProperty("type").GetString().ShouldBe("section");
        block.GetProperty("text").GetProperty("text").GetString().ShouldBe(text);
        json.RootElement.TryGetProperty("event", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Send_ServerAnswers500_RetriesWithBackoffShowsTheErrorThenSends()
    {
        await using var server = new LoopbackWebhookServer { StatusCode = 500 };
        await using var harness = await EngineHarness.StartAsync();
        var channel = await harness.AddChannelAsync(NotificationChannelKind.Webhook, server.Url);
        harness.Notify(NotificationTestData.DeadLetter());

        await harness.RunNotificationsAsync();

        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        (row.Status, row.Attempts).ShouldBe((NotificationStatus.Pending, 1));
        row.LastError.ShouldBe("HTTP 500 Internal Server Error: <html>upstream broke</html>");
        row.NextAttemptAt.ShouldBe(harness.Time.GetUtcNow().AddSeconds(30));
        var failing = await harness.ChannelAsync(channel);
        failing.LastError.ShouldBe(row.LastError);
        failing.LastError.ShouldNotBeNull().ShouldNotContain("secret-token-123");

        harness.Time.Advance(TimeSpan.FromSeconds(29));
        (await harness.RunNotificationsAsync()).ShouldBe(0);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await harness.RunNotificationsAsync()).ShouldBe(1);
        row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        (row.Status, row.Attempts).ShouldBe((NotificationStatus.Pending, 2));
        row.NextAttemptAt.ShouldBe(harness.Time.GetUtcNow().AddSeconds(60));

        server.StatusCode = 200;
        harness.Time.Advance(TimeSpan.FromSeconds(60));
        await harness.RunNotificationsAsync();

        row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        (row.Status, row.Attempts).ShouldBe((NotificationStatus.Sent, 3));
        server.Bodies.Count.ShouldBe(3);
        (await harness.ChannelAsync(channel)).LastSuccessAt.ShouldBe(harness.Time.GetUtcNow());
    }

    [Fact]
    public async Task Send_EveryAttemptFails_GivesUpAsFailedAfterMaxAttempts()
    {
        await using var server = new LoopbackWebhookServer { StatusCode = 500 };
        await using var harness = await EngineHarness.StartAsync(settings: new Dictionary<string, string?> { ["SyncHub:Notifications:MaxAttempts"] = "2" });
        await harness.AddChannelAsync(NotificationChannelKind.Webhook, server.Url);
        harness.Notify(NotificationTestData.DeadLetter());

        await harness.RunNotificationsAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.RunNotificationsAsync();
        harness.Time.Advance(TimeSpan.FromHours(1));
        (await harness.RunNotificationsAsync()).ShouldBe(0);

        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        (row.Status, row.Attempts, row.NextAttemptAt).ShouldBe((NotificationStatus.Failed, 2, null));
        server.Bodies.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Engine_WithAFailingChannel_DeliversAndDeadLettersWithoutWaitingForIt()
    {
        await using var server = new LoopbackWebhookServer { StatusCode = 500 };
        await using var harness = await EngineHarness.StartAsync();
        var books = await harness.CreateIntegrationAsync("books");
        await harness.UpdateIntegrationAsync(books.Id, i => i.Retry.MaxAutomaticAttempts = 0);
        await harness.AddChannelAsync(NotificationChannelKind.Webhook, server.Url);

        await harness.FailedRecordsAsync("books", 5, ErrorClass.ServerError, 500);
        await harness.IngestAsync("books", "OK-1");
        (await harness.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted.ShouldBe(1);

        // Nothing was sent while the engine worked: events wait in memory for the notification job.
        server.Bodies.ShouldBeEmpty();
        await harness.RunNotificationsAsync();
        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        (row.Count, row.Status, row.Attempts).ShouldBe((5, NotificationStatus.Pending, 1));
    }
}
