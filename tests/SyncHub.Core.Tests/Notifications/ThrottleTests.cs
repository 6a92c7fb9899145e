using Shouldly;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Notifications;

public sealed class ThrottleTests
{
    [Fact]
    public async Task FiftyDeadLetters_InOneWindow_BecomeOneMessageCountingFifty()
    {
        await using var server = new LoopbackWebhookServer();
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.Webhook, server.Url);
        await harness.AddChannelAsync(NotificationChannelKind.InApp, name: "inbox");

        for (var i = 0; i < 50; i++)
        {
            harness.Notify(NotificationTestData.DeadLetter());
        }

        await harness.RunNotificationsAsync();

        var rows = await harness.NotificationsAsync();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.Count == 50 && r.Subject == "[SyncHub] 50 records became dead letters · books");
        server.Bodies.ShouldHaveSingleItem().ShouldContain("\"count\":50");
    }

    [Fact]
    public async Task Repeats_AcrossFlushesInTheWindow_CountIntoTheInAppMessage_AfterTheWindowANewOneStarts()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.InApp, throttleMinutes: 15);

        for (var flush = 0; flush < 5; flush++)
        {
            for (var i = 0; i < 10; i++)
            {
                harness.Notify(NotificationTestData.DeadLetter());
            }

            await harness.RunNotificationsAsync();
            harness.Time.Advance(TimeSpan.FromMinutes(2));
        }

        var grouped = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        grouped.Count.ShouldBe(50);
        grouped.Body.ShouldStartWith("50 records of books used up their automatic retries between 2026-11-23 09:00 and 2026-11-23 09:08 UTC");
        grouped.LastAt.ShouldBe(grouped.FirstAt.AddMinutes(8));

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        harness.Notify(NotificationTestData.DeadLetter());
        harness.Notify(NotificationTestData.DeadLetter("shop"));
        await harness.RunNotificationsAsync();

        var rows = await harness.NotificationsAsync();
        rows.Select(r => (r.GroupKey, r.Count)).ShouldBe([
            ("DeadLettered|books|-", 50), ("DeadLettered|books|-", 1), ("DeadLettered|shop|-", 1),
        ]);
    }

    [Fact]
    public async Task Repeats_OfASentMessage_AreCountedWithoutSendingAgain()
    {
        await using var server = new LoopbackWebhookServer();
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.Webhook, server.Url);
        harness.Notify(NotificationTestData.DeadLetter());
        await harness.RunNotificationsAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        harness.Notify(NotificationTestData.DeadLetter());
        harness.Notify(NotificationTestData.DeadLetter());
        await harness.RunNotificationsAsync();

        server.Bodies.Count.ShouldBe(1);
        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        (row.Status, row.Count).ShouldBe((NotificationStatus.Sent, 3));
    }

    [Fact]
    public async Task Channel_SubscribedToOtherEvents_GetsNothing_AndADisabledChannelGetsNothing()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.InApp, events: NotificationEventKinds.AlertOpened, name: "alerts only");
        await harness.AddChannelAsync(NotificationChannelKind.InApp, change: r => r with { Enabled = false }, name: "off");

        harness.Notify(NotificationTestData.DeadLetter());
        await harness.RunNotificationsAsync();

        (await harness.NotificationsAsync()).ShouldBeEmpty();
    }
}
