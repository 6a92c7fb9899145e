using System.Text;
using MimeKit;
using Shouldly;
using SyncHub.Core.Notifications;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Notifications;

public sealed class EmailChannelTests
{
    [Fact]
    public async Task Send_ThroughLocalSmtpSink_DeliversSubjectBodyAndRecipients()
    {
        await using var sink = new LoopbackSmtpSink();
        await using var harness = await EngineHarness.StartAsync();
        var channel = await harness.AddChannelAsync(NotificationChannelKind.Email, change: r => r with
        {
            Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None, Username = "mailer", Password = "smtp-pass-42",
            From = "SyncHub <synchub@example.com>", To = "ops@example.com; finance@example.com",
        });
        harness.Notify(NotificationTestData.DeadLetter(error: "Account 4000 is archived"));
        harness.Notify(NotificationTestData.DeadLetter(error: "Account 4000 is archived"));

        await harness.RunNotificationsAsync();

        var received = sink.Messages.ShouldHaveSingleItem();
        received.From.ShouldBe("synchub@example.com");
        received.To.ShouldBe(["ops@example.com", "finance@example.com"]);
        var mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
        mail.Subject.ShouldBe("[SyncHub] 2 records became dead letters · books");
        mail.TextBody.ShouldNotBeNull().ShouldContain("2 records of books used up their automatic retries");
        mail.TextBody.ShouldContain("Latest error: Account 4000 is archived");
        mail.TextBody.ShouldContain("Open: /failed?tab=dead-letter&integration=books");
        sink.Logins.ShouldHaveSingleItem().ShouldBe("|mailer|smtp-pass-42");
        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        (row.Status, row.Attempts, row.Count).ShouldBe((NotificationStatus.Sent, 1, 2));
        (await harness.ChannelAsync(channel)).LastSuccessAt.ShouldBe(harness.Time.GetUtcNow());
    }

    [Fact]
    public async Task Send_ServerNotListening_FailsWithTheServerNamedAndIsRetried()
    {
        int port;
        await using (var closed = new LoopbackSmtpSink())
        {
            port = closed.Port;
        }

        await using var harness = await EngineHarness.StartAsync();
        var channel = await harness.AddChannelAsync(NotificationChannelKind.Email, change: r => r with
        {
            Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, From = "synchub@example.com", To = "ops@example.com",
        });
        harness.Notify(NotificationTestData.DeadLetter());

        await harness.RunNotificationsAsync();

        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        (row.Status, row.Attempts).ShouldBe((NotificationStatus.Pending, 1));
        row.LastError.ShouldNotBeNull().ShouldStartWith($"SMTP 127.0.0.1:{port}:");
        (await harness.ChannelAsync(channel)).LastError.ShouldBe(row.LastError);
    }

    [Fact]
    public async Task Save_EmailWithoutRecipientsOrSender_NamesTheFields()
    {
        await using var harness = await EngineHarness.StartAsync();
        var request = new ChannelRequest(null, "mail", NotificationChannelKind.Email, true, NotificationEventKinds.All, 15, null, null)
        {
            Host = "smtp.example.com", From = "not an address", To = "",
        };

        var result = await harness.Get<NotificationChannelService>().SaveAsync(request, "admin", CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Keys.ShouldBe(["from", "to"], ignoreOrder: true);
    }
}
