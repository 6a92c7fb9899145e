using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Alerts;
using SyncHub.Core.Tests.Runs;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Notifications;

/// <summary>Each engine source of events, driven for real, reaches an in-app channel through the notification job.</summary>
public sealed class EngineHookTests
{
    [Fact]
    public async Task AlertOpenedAndResolved_AreNotified()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.InApp);
        var books = await harness.CreateIntegrationAsync("books");
        await harness.UpdateIntegrationAsync(books.Id, i =>
        {
            i.ConnectionState = ConnectionState.Expired;
            i.ConnectionNote = "Refresh token revoked";
        });

        await harness.Get<AlertEvaluator>().EvaluateAsync(CancellationToken.None);
        await harness.RunNotificationsAsync();

        var opened = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        opened.EventKind.ShouldBe(NotificationEventKinds.AlertOpened);
        opened.GroupKey.ShouldBe("AlertOpened|books|credentials-expired:books");
        opened.Body.ShouldContain("Refresh token revoked");

        await harness.UpdateIntegrationAsync(books.Id, i => i.ConnectionState = ConnectionState.Healthy);
        await harness.Get<AlertEvaluator>().EvaluateAsync(CancellationToken.None);
        await harness.RunNotificationsAsync();

        (await harness.NotificationsAsync()).Select(n => n.EventKind).ShouldBe([NotificationEventKinds.AlertOpened, NotificationEventKinds.AlertResolved]);
    }

    [Fact]
    public async Task RecordsBecomingDeadLetters_AreNotifiedOncePerIntegrationWithTheirCount()
    {
        // One delivery at a time, so the twelfth scripted error is the last one notified on either store.
        await using var harness = await EngineHarness.StartAsync(concurrency: 1);
        await harness.AddChannelAsync(NotificationChannelKind.InApp);
        var books = await harness.CreateIntegrationAsync("books");
        await harness.UpdateIntegrationAsync(books.Id, i => i.Retry.MaxAutomaticAttempts = 0);

        await harness.FailedRecordsAsync("books", 12, ErrorClass.ServerError, 500);
        await harness.RunNotificationsAsync();

        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        (row.EventKind, row.Count, row.Integration).ShouldBe((NotificationEventKinds.DeadLettered, 12, "books"));
        row.Body.ShouldContain("Latest error: Provider said no (11)");
    }

    [Fact]
    public async Task DataRefusedWithNoFixApplying_IsNotifiedNamingTheFieldAndTheRecord()
    {
        await using var harness = await EngineHarness.StartAsync(concurrency: 1);
        await harness.AddChannelAsync(NotificationChannelKind.InApp);
        await harness.CreateIntegrationAsync("books");
        var first = await harness.IngestAsync("books", "C-1", """{"email":"ann at example"}""", "contact");
        var second = await harness.IngestAsync("books", "C-2", """{"email":"bob at example"}""", "contact");
        harness.Gateway.AnswerNextFor("C-1", Fixes.AutoFixDeliveryTests.RefusedEmail()).AnswerNextFor("C-2", Fixes.AutoFixDeliveryTests.RefusedEmail());

        await harness.Orchestrator.DeliverDueAsync(CancellationToken.None);
        await harness.RunNotificationsAsync();

        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem("grouped per integration");
        (row.EventKind, row.Count, row.Integration).ShouldBe((NotificationEventKinds.DataFormatError, 2, "books"));
        row.Body.ShouldContain($"contact C-2 (record {second}): Contact.EmailAddress: Email address must be valid");
        row.Body.ShouldContain($"/records/{second}#edit-retry");
        row.Body.ShouldNotContain("bob at example", Case.Insensitive, "the payload's values stay out of messages");
        first.ShouldBeLessThan(second);
    }

    [Fact]
    public async Task DataFixedAutomatically_IsNotNotified()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.InApp);
        await harness.CreateIntegrationAsync("books");
        var id = await harness.IngestAsync("books", "C-1", """{"name":"Ann","email":" Ann@Example.COM "}""", "contact");
        harness.Gateway.AnswerNextFor("C-1", Fixes.AutoFixDeliveryTests.RefusedEmail());

        while ((await harness.Orchestrator.DeliverDueAsync(CancellationToken.None)).Attempted > 0)
        {
        }

        await harness.RunNotificationsAsync();
        (await harness.RecordAsync(id)).Status.ShouldBe(RecordStatus.Delivered);
        (await harness.NotificationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task CredentialsRefusedOnDelivery_AreNotifiedOnce()
    {
        await using var harness = await EngineHarness.StartAsync();
        await harness.AddChannelAsync(NotificationChannelKind.InApp);
        await harness.CreateIntegrationAsync("books");

        await harness.FailedRecordsAsync("books", 3, ErrorClass.Authentication, 401);
        await harness.RunNotificationsAsync();

        var row = (await harness.NotificationsAsync()).ShouldHaveSingleItem();
        (row.EventKind, row.Count).ShouldBe((NotificationEventKinds.CredentialsExpired, 1));
        row.Body.ShouldContain("Credentials were refused: Provider said no (0)");
    }

    [Fact]
    public async Task RunFailedWithNoRetryLeft_IsNotified()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.AddChannelAsync(NotificationChannelKind.InApp);
        var integration = await engine.CreateSourceIntegrationAsync(i => i.Runs.RetryOnFailure = false);
        engine.Source.ThenReadFails(ErrorClass.Validation, "bad query", 400);

        var run = await engine.RunAsync(integration.Id);
        await engine.RunNotificationsAsync();

        var row = (await engine.NotificationsAsync()).ShouldHaveSingleItem();
        row.EventKind.ShouldBe(NotificationEventKinds.RunFailed);
        row.Subject.ShouldBe($"[SyncHub] Run {run.Id} failed with no retry left · shop");
        row.Link.ShouldBe($"/runs/{run.Id}");
    }

    [Fact]
    public async Task RunFailedWithARetryPlanned_IsNotNotified()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.AddChannelAsync(NotificationChannelKind.InApp);
        var integration = await engine.CreateSourceIntegrationAsync();
        engine.Source.ThenReadFails(ErrorClass.Validation, "bad query", 400);

        (await engine.RunAsync(integration.Id)).Status.ShouldBe(RunStatus.Failed);
        await engine.RunNotificationsAsync();

        (await engine.NotificationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task RunBreakerTripped_IsNotified()
    {
        await using var engine = await EngineHarness.StartAsync();
        await engine.AddChannelAsync(NotificationChannelKind.InApp, events: NotificationEventKinds.RunBreakerTripped);
        var integration = await engine.CreateSourceIntegrationAsync();
        var now = engine.Time.GetUtcNow();
        for (var i = 0; i < 20; i++)
        {
            engine.Source.Add($"R{i:D2}", now.AddMinutes(-100 + i));
            engine.Gateway.ThenFail(ErrorClass.Validation, "Field 'amount' is invalid", 422);
        }

        var run = await engine.RunAsync(integration.Id);
        await engine.RunNotificationsAsync();

        var row = (await engine.NotificationsAsync()).ShouldHaveSingleItem();
        row.EventKind.ShouldBe(NotificationEventKinds.RunBreakerTripped);
        row.Subject.ShouldBe($"[SyncHub] Run {run.Id} stopped by its breaker · shop");
        row.Body.ShouldContain("Circuit breaker: 10 of 10 processed records failed");
    }
}
