using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Core.Notifications;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Notifications;

public sealed class NotificationsPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Viewer)]
    public async Task Page_NotAdministrator_IsRefusedAndHasNoNavLink(string role)
    {
        using var browser = await Browser.SignedInAsync(factory, role);

        using var response = await browser.Client.GetAsync("/notifications");
        var home = await browser.OpenAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("denied", Case.Insensitive);
        home.QuerySelector("#nav-notifications").ShouldBeNull();
    }

    [Fact]
    public async Task Save_WithoutAntiforgeryToken_IsRefused()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/notifications");

        using var response = await browser.HtmxPostAsync("/notifications?handler=Save", ChannelFields("no-token", NotificationChannelKind.InApp), withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ChannelAsync("no-token")).ShouldBeNull();
    }

    [Fact]
    public async Task SaveWebhook_SecretAddressIsStoredEncryptedAndNeverRendered_BlankKeepsIt()
    {
        await using var server = new LoopbackWebhookServer();
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/notifications");

        using var saved = await browser.FormPostAsync("/notifications?handler=Save", [.. ChannelFields("hook-secret", NotificationChannelKind.Webhook), new("Channel.Url", server.Url)]);

        var html = await saved.Content.ReadAsStringAsync();
        var page = Html.Parse(html);
        page.Single("#result-message").TextContent.ShouldContain("hook-secret");
        var channel = (await ChannelAsync("hook-secret")).ShouldNotBeNull();
        page.Single($"#channel-{channel.Id} .channel-target").TextContent.ShouldBe($"{new Uri(server.Url).GetLeftPart(UriPartial.Authority)}/…");
        html.ShouldNotContain("secret-token-123");
        channel.SettingsJson.ShouldNotContain("secret-token-123");
        var edit = await browser.Client.GetStringAsync($"/notifications?edit={channel.Id}");
        edit.ShouldNotContain("secret-token-123");
        Html.Parse(edit).Single("#channel-url").GetAttribute("placeholder").ShouldBe("stored; leave blank to keep");

        // Saved again with the address left blank: the stored one is kept and still works.
        await browser.OpenAsync($"/notifications?edit={channel.Id}");
        using var again = await browser.FormPostAsync("/notifications?handler=Save", [.. ChannelFields("hook-secret", NotificationChannelKind.Webhook), new("Channel.Id", channel.Id.ToString()), new("Channel.Url", "")]);
        (await again.Content.ReadAsStringAsync()).ShouldNotContain("secret-token-123");
        await browser.OpenAsync("/notifications");
        using var test = await browser.HtmxPostAsync($"/notifications?handler=Test&id={channel.Id}");
        Html.Parse(await test.Content.ReadAsStringAsync()).Single($"#test-ok-{channel.Id}").TextContent.ShouldContain("Test message sent.");
        server.Bodies.ShouldHaveSingleItem().ShouldContain("\"event\":\"test\"");

        await using var db = await Db();
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.Target.Contains("hook-secret")).OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => a.Action).ShouldBe([NotificationAuditActions.Create, NotificationAuditActions.Update, NotificationAuditActions.Test]);
        audit[0].Detail.ShouldNotBeNull().ShouldContain("changed secrets: url");
        audit.ShouldAllBe(a => a.Detail == null || !a.Detail.Contains("secret-token-123"));
    }

    [Fact]
    public async Task SendTest_ChannelAnswers500_ShowsTheErrorAndTheChannelAsFailing()
    {
        await using var server = new LoopbackWebhookServer { StatusCode = 500 };
        var id = await SaveAsync("hook-broken", NotificationChannelKind.Slack, server.Url);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/notifications");

        using var response = await browser.HtmxPostAsync($"/notifications?handler=Test&id={id}");

        var fragment = Html.Parse(await response.Content.ReadAsStringAsync());
        fragment.Single($"#test-failed-{id}").TextContent.ShouldContain("HTTP 500 Internal Server Error: <html>upstream broke</html>");
        fragment.QuerySelector("script, html > body > html").ShouldBeNull();
        var page = await browser.OpenAsync("/notifications");
        page.Single($"#channel-{id} .channel-error").TextContent.ShouldContain("failing");
        var delivery = page.Single("#deliveries").QuerySelectorAll("tr[data-status=failed]").ShouldHaveSingleItem();
        delivery.TextContent.ShouldContain("hook-broken");
        delivery.Single(".delivery-error").TextContent.ShouldContain("HTTP 500");
    }

    [Fact]
    public async Task SaveBrokenTemplate_ShowsWhereItIsBrokenAndSavesNothing()
    {
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/notifications");

        using var response = await browser.FormPostAsync("/notifications?handler=Save",
            [.. ChannelFields("bad-template", NotificationChannelKind.InApp), new("Channel.SubjectTemplate", "{{ if count > }}")]);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        page.Single(".validation-summary").TextContent.ShouldContain("The subject template does not work: Line 1, column");
        (await ChannelAsync("bad-template")).ShouldBeNull();
    }

    [Fact]
    public async Task Inbox_ShowsGroupedNotificationsWithTheUnreadBadge_MarkAllReadClearsIt()
    {
        await SaveAsync("inbox", NotificationChannelKind.InApp);
        var notifier = factory.Services.GetRequiredService<INotifier>();
        for (var i = 0; i < 7; i++)
        {
            notifier.Notify(new NotificationEvent(NotificationEventKinds.DeadLettered, "Records became dead letters", "<b>bold</b> error") { Integration = "inbox-books" });
        }

        await factory.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);
        using var browser = await Browser.SignedInAsync(factory);

        var page = await browser.OpenAsync("/notifications");

        var item = page.Single("#inbox li.unread");
        item.TextContent.ShouldContain("7 records became dead letters · inbox-books");
        item.Single("[data-count]").TextContent.ShouldBe("7×");
        item.Single(".inbox-body").TextContent.ShouldContain("<b>bold</b> error");
        item.QuerySelector("b").ShouldBeNull();
        page.Single("#unread-notification-count").TextContent.ShouldContain("unread");

        using var marked = await browser.FormPostAsync("/notifications?handler=MarkRead");

        var after = Html.Parse(await marked.Content.ReadAsStringAsync());
        after.Single("#result-message").TextContent.ShouldBe("Marked 1 as read.");
        after.QuerySelector("#unread-notification-count").ShouldBeNull();
        after.Single("#nav-notifications").TextContent.Trim().ShouldBe("Notifications");
        after.QuerySelector("#inbox li.unread").ShouldBeNull();
    }

    [Fact]
    public async Task Delete_RemovesTheChannelAndIsAudited()
    {
        var id = await SaveAsync("to-delete", NotificationChannelKind.InApp);
        using var browser = await Browser.SignedInAsync(factory);
        await browser.OpenAsync("/notifications");

        using var response = await browser.FormPostAsync($"/notifications?handler=Delete&id={id}");

        Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector($"#channel-{id}").ShouldBeNull();
        (await ChannelAsync("to-delete")).ShouldBeNull();
        await using var db = await Db();
        (await db.AuditLog.AnyAsync(a => a.Action == NotificationAuditActions.Delete && a.Target.Contains("to-delete"))).ShouldBeTrue();
    }

    private static KeyValuePair<string, string>[] ChannelFields(string name, NotificationChannelKind kind) =>
    [
        new("Channel.Name", name), new("Channel.Kind", kind.ToString()), new("Channel.Enabled", "true"), new("Channel.Enabled", "false"),
        new("Channel.Events", nameof(NotificationEventKinds.DeadLettered)), new("Channel.Events", nameof(NotificationEventKinds.AlertOpened)),
        new("Channel.ThrottleMinutes", "15"), new("Channel.Port", "587"), new("Channel.Security", "starttls"),
    ];

    private async Task<int> SaveAsync(string name, NotificationChannelKind kind, string? url = null)
    {
        var result = await factory.Services.GetRequiredService<NotificationChannelService>().SaveAsync(
            new ChannelRequest(null, name, kind, true, NotificationEventKinds.All, 15, null, null) { Url = url }, "admin@test.local", CancellationToken.None);
        return result.Id ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Values));
    }

    private async Task<NotificationChannel?> ChannelAsync(string name)
    {
        await using var db = await Db();
        return await db.NotificationChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Name == name);
    }

    private Task<SyncHubDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
}
