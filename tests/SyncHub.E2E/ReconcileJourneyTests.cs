using System.Globalization;
using Microsoft.Playwright;
using Shouldly;
using SyncHub.Specs;
using SyncHub.TestUtils;
using SyncHub.Web.Security;

namespace SyncHub.E2E;

/// <summary>
/// After an outage, a finance team asks what the source has that the destination does not. An operator reconciles the
/// day, sees the gaps with what differs, and resyncs only them with one click, watching the progress: once against a
/// webhook receiver that lost a record (found through its look-up URL), once against Xero (a spec server), which
/// cannot take a different invoice again without a second copy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconcileJourneyTests(BrowserFixture browser)
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Operator_ReconcilesAWebhookThatLostARecord_AndResyncsOnlyThatOne()
    {
        await using var receiver = new LoopbackReceiver();
        await using var app = RunningSyncHub.Start();
        await app.CreateIntegrationAsync("erp-hook", "ERP webhook", "webhook", new { url = receiver.HookUrl, lookupUrl = receiver.LookupTemplate });
        foreach (var (reference, amount) in new[] { ("INV-1", 10), ("INV-2", 20), ("INV-3", 30) })
        {
            await app.IngestAsync("erp-hook", reference, new { @ref = reference, amount });
        }

        await app.WaitForCountAsync("erp-hook", "delivered", 3);
        receiver.Lose("INV-2");
        var page = await app.SignedInPageAsync(browser.Browser, Roles.Operator);

        await page.GotoAsync(app.BaseUrl + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reconcile" }).ClickAsync();
        await page.GetByLabel("Integration").SelectOptionAsync(new SelectOptionValue { Label = "ERP webhook" });
        await page.GetByLabel("First day").FillAsync(Today);
        await page.GetByLabel("Last day").FillAsync(Today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reconcile" }).ClickAsync();

        await Assertions.Expect(page.Locator("#reconcile-status")).ToHaveTextAsync("Completed", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#count-missing")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#count-matching")).ToHaveTextAsync("2");
        var missing = page.Locator("#difference-table tbody tr");
        await Assertions.Expect(missing).ToHaveCountAsync(1);
        await Assertions.Expect(missing).ToContainTextAsync("INV-2");
        await Assertions.Expect(missing).ToContainTextAsync("Delivered");

        await page.GetByRole(AriaRole.Button, new() { Name = "Resync missing and different (1)" }).ClickAsync();

        await Assertions.Expect(page.Locator("#resync-counts")).ToContainTextAsync("1 delivered", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#resync-progress")).ToHaveAttributeAsync("data-status", "completed");
        receiver.Held.Order().ShouldBe(["INV-1", "INV-2", "INV-3"]);
        receiver.Posted.Count(r => r == "INV-2").ShouldBe(2);
        receiver.Posted.Count.ShouldBe(4);
        var audit = await app.AuditLogAsync();
        audit.Where(a => a.Action.StartsWith("reconcile.", StringComparison.Ordinal)).Select(a => (a.Action, a.Actor))
            .ShouldBe([("reconcile.start", "operator@test.local"), ("reconcile.resync", "operator@test.local")]);
    }

    [Fact]
    public async Task Operator_ReconcilesXero_ResyncsTheMissingInvoice_AndLeavesTheDifferentOneToCorrectInXero()
    {
        await using var xero = await SpecServer.StartAsync("xero_accounting.yaml");
        xero.Respond("GET", "/Invoices", _ => new ScriptedResponse(200, $$"""{"Invoices": [{{HeldInvoice}}]}"""));
        await using var app = RunningSyncHub.Start();
        await app.CreateIntegrationAsync("books", "Food bank books", "xero", new
        {
            tenantId = "0f2a0a4c-1b6e-4c4a-9d36-3b1f9c1e2d55", clientId = "synchub-e2e-client", clientSecret = "e2e-client-secret-71c",
            refreshToken = "e2e-refresh-token-9a2", accessToken = "e2e-access-token-4d8", accessTokenExpiresAt = "2099-01-01T00:00:00Z", baseUrl = xero.BaseUrl,
        });
        await app.IngestAsync("books", "INV-1", Invoice(40));
        await app.IngestAsync("books", "INV-2", Invoice(60.25));
        await app.WaitForCountAsync("books", "delivered", 2);
        var page = await app.SignedInPageAsync(browser.Browser, Roles.Operator);

        await page.GotoAsync(app.BaseUrl + "/reconcile");
        await page.GetByLabel("Integration").SelectOptionAsync(new SelectOptionValue { Label = "Food bank books" });
        await page.GetByLabel("First day").FillAsync(Today);
        await page.GetByLabel("Last day").FillAsync(Today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reconcile" }).ClickAsync();

        await Assertions.Expect(page.Locator("#reconcile-status")).ToHaveTextAsync("Completed", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#count-missing")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#count-different")).ToHaveTextAsync("1");
        var different = page.Locator("#difference-table tr[data-kind='different']");
        await Assertions.Expect(different).ToContainTextAsync("LineItems[0].UnitAmount: 60.25 → 65.0000");
        await Assertions.Expect(different).ToContainTextAsync("would add a second copy");

        await page.GetByRole(AriaRole.Button, new() { Name = "Resync missing and different (1)" }).ClickAsync();

        await Assertions.Expect(page.Locator("#resync-counts")).ToContainTextAsync("1 delivered", new() { Timeout = 20_000 });
        var creates = xero.RequestsFor("createInvoices");
        creates.Count.ShouldBe(3);
        creates[2].Body.ShouldContain("\"Reference\":\"INV-1\"");
        creates[2].Header("Idempotency-Key").ShouldNotBe(creates.First(c => c.Body.Contains("\"INV-1\"", StringComparison.Ordinal)).Header("Idempotency-Key"));
        xero.RequestsFor("getInvoices").ShouldNotBeEmpty();
        xero.Violations.ShouldBeEmpty();
    }

    private static object Invoice(double unitAmount) => new
    {
        Contact = new { Name = "City Hall" },
        LineItems = new[] { new { Description = "Hall hire", Quantity = 1, UnitAmount = unitAmount, AccountCode = "200" } },
        Date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    // Xero's copy of INV-2 after an accountant changed its price; INV-1 is not there at all.
    private static string HeldInvoice => $$"""
        {"Type": "ACCREC", "InvoiceID": "ed255415-e141-4150-aab7-89c3bbbb851c", "InvoiceNumber": "INV-0042", "Reference": "INV-2", "Status": "AUTHORISED",
         "Contact": {"ContactID": "430fa14a-f945-44d3-9f97-5df5e28441b8", "Name": "City Hall"}, "DateString": "{{Today}}T00:00:00", "Total": 65.00,
         "LineItems": [{"Description": "Hall hire", "Quantity": 1.0000, "UnitAmount": 65.0000, "AccountCode": "200"}]}
        """;
}
