using Shouldly;
using SyncHub.Core.Notifications;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Notifications;

public sealed class TemplateTests
{
    [Fact]
    public async Task Render_Defaults_ForAnAlert()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.InApp);
        harness.Notify(new NotificationEvent(NotificationEventKinds.AlertOpened, "Sustained server errors", "7 server errors (5xx) in the last 5 min.")
        {
            Integration = "books", Subject = "server-errors:books", Link = "/alerts",
        });

        await harness.RunNotificationsAsync();

        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        row.Subject.ShouldBe("[SyncHub] Sustained server errors · books");
        row.Body.ShouldBe("Sustained server errors (books)\n7 server errors (5xx) in the last 5 min.\nAt 2026-11-23 09:00 UTC.\nOpen: /alerts");
    }

    [Fact]
    public async Task Render_ChannelOverrides_ReplaceSubjectAndBody()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.InApp, change: r => r with
        {
            SubjectTemplate = "{{ event | string.upcase }}: {{ integration }}",
            BodyTemplate = "{{ count }}× {{ detail | string.truncate 10 }}",
        });
        harness.Notify(NotificationTestData.DeadLetter(error: "A very long provider message"));
        harness.Notify(NotificationTestData.DeadLetter(error: "A very long provider message"));

        await harness.RunNotificationsAsync();

        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        row.Subject.ShouldBe("DEAD-LETTERED: books");
        row.Body.ShouldBe("2× A very ...");
    }

    [Theory]
    [InlineData("{{ if count > }}", "bodyTemplate", "Line 1, column")]
    [InlineData("{{ for x in 1..100000 }}x{{ end }}", "bodyTemplate", "loop")]
    [InlineData("{{ detail.length }}", "bodyTemplate", "not available")]
    public async Task Save_BrokenTemplate_IsRefusedWithAClearError(string template, string field, string expected)
    {
        await using var harness = await EngineHarness.StartAsync();
        var request = new ChannelRequest(null, "inbox", NotificationChannelKind.InApp, true, NotificationEventKinds.All, 15, null, template);

        var result = await harness.Get<NotificationChannelService>().SaveAsync(request, "admin", CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Errors[field].ShouldStartWith("The body template does not work: ");
        result.Errors[field].ShouldContain(expected, Case.Insensitive);
    }

    [Fact]
    public async Task Render_OutsideTextIsBounded_AndASubjectIsOneLine()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.InApp, change: r => r with { SubjectTemplate = "{{ detail }}", BodyTemplate = "{{ detail }}{{ detail }}{{ detail }}{{ detail }}{{ detail }}" });
        harness.Notify(NotificationTestData.DeadLetter(error: "line one\nline two " + new string('x', 5000)));

        await harness.RunNotificationsAsync();

        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        row.Subject.ShouldStartWith("line one line two xxx");
        row.Subject.Length.ShouldBe(NotificationRenderer.MaxSubjectLength);
        row.Body.Length.ShouldBe(NotificationRenderer.MaxBodyLength);
        row.Body.ShouldEndWith("…");
    }
}
