using Microsoft.Playwright;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Web.Security;

namespace SyncHub.E2E;

/// <summary>
/// Two causes fail at once: the destination was down for some invoices and refused others as invalid. Once it is
/// back, an operator retries only the outage's group from the Failure groups tab; the invalid ones stay put.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FailureGroupJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Operator_RetriesTheOutageGroup_OnlyItsRecordsAreDeliveredAndTheValidationGroupStays()
    {
        await using var app = RunningSyncHub.Start();
        await app.CreateFakeIntegrationAsync("books", "Test Books");
        foreach (var id in new[] { "INV-1", "INV-2", "INV-3" })
        {
            app.Gateway.FailNextFor(id, ErrorClass.Transient, $"Books is down (request {id})", 503);
        }

        foreach (var id in new[] { "INV-4", "INV-5" })
        {
            app.Gateway.FailNextFor(id, ErrorClass.Validation, $"Amount must be positive on {id}", 422);
        }

        for (var i = 1; i <= 5; i++)
        {
            await app.IngestAsync("books", $"INV-{i}", new { amount = i * 10 });
        }

        await app.WaitForCountAsync("books", "failed", 5);
        var page = await app.SignedInPageAsync(browser.Browser, Roles.Operator);

        await page.GotoAsync(app.BaseUrl + "/failed");
        await page.GetByRole(AriaRole.Link, new() { Name = "Failure groups" }).ClickAsync();
        var groups = page.Locator("article.failure-group");
        await Assertions.Expect(groups).ToHaveCountAsync(2);
        var outage = groups.Filter(new() { HasText = "Books is down" });
        var invalid = groups.Filter(new() { HasText = "Amount must be positive" });
        await Assertions.Expect(outage.Locator(".group-count")).ToHaveTextAsync("3 records");
        await Assertions.Expect(invalid.Locator(".group-count")).ToHaveTextAsync("2 records");

        // The destination is back: the scripted 503s were one-off, the next deliveries succeed.
        await outage.GetByRole(AriaRole.Button, new() { Name = "Retry group" }).ClickAsync();

        await Assertions.Expect(page.Locator("#operation-progress")).ToContainTextAsync("3 delivered, 0 failed again", new() { Timeout = 20_000 });
        (await app.CountAsync("books", "delivered")).ShouldBe(3);
        (await app.CountAsync("books", "failed")).ShouldBe(2);
        foreach (var id in new[] { "INV-4", "INV-5" })
        {
            app.Gateway.Requests.Count(r => r.SourceId == id).ShouldBe(1, $"{id} belongs to the other group and must not be sent again");
        }

        await page.GotoAsync(app.BaseUrl + "/failed?tab=groups");
        await Assertions.Expect(groups).ToHaveCountAsync(1);
        await Assertions.Expect(groups.First).ToContainTextAsync("Amount must be positive");
        await Assertions.Expect(groups.First.Locator(".group-count")).ToHaveTextAsync("2 records");
    }
}
