using Microsoft.Playwright;
using Shouldly;
using SyncHub.Specs;

namespace SyncHub.E2E;

/// <summary>
/// An administrator connects Xero through the setup form (against a server that checks every request against
/// Xero's published spec), a volunteer's expense bill is refused for a bad tax code, and the administrator fixes
/// it with edit and retry.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class XeroEditRetryJourneyTests(BrowserFixture browser)
{
    private const string RefusedTaxCode = """
        {"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred",
         "Elements": [{"Type": "ACCPAY", "HasErrors": true,
           "LineItems": [{"Description": "Train fare", "ValidationErrors": [{"Message": "The TaxType code 'GST99' does not exist or cannot be used with this type of transaction."}]}]}]}
        """;

    private const string Created = """
        {"Id": "b2c9e1b1-0000-4000-8000-000000000001", "Status": "OK", "ProviderName": "SyncHub", "DateTimeUTC": "/Date(1772366400000)/",
         "Invoices": [{"InvoiceID": "ed255415-e141-4150-aab7-89c3bbbb851c", "HasErrors": false, "ValidationErrors": []}]}
        """;

    [Fact]
    public async Task Administrator_ConnectsXero_FixesARefusedBillWithEditAndRetry_AndItIsDelivered()
    {
        await using var xero = await SpecServer.StartAsync("xero_accounting.yaml");
        xero.Enqueue("PUT", "/Invoices", new ScriptedResponse(400, RefusedTaxCode), new ScriptedResponse(200, Created));
        await using var app = RunningSyncHub.Start();
        var page = await app.SignedInPageAsync(browser.Browser);

        await page.GotoAsync(app.BaseUrl + "/integrations/new");
        await page.Locator("#connector").SelectOptionAsync("xero");
        await Assertions.Expect(page.Locator("#setting-tenantId")).ToBeVisibleAsync();
        await page.Locator("#name").FillAsync("Volunteer expenses");
        await page.Locator("#slug").FillAsync("expenses");
        await page.Locator("#setting-tenantId").FillAsync("0f2a0a4c-1b6e-4c4a-9d36-3b1f9c1e2d55");
        await page.Locator("#setting-clientId").FillAsync("synchub-e2e-client");
        await page.Locator("#setting-clientSecret").FillAsync("e2e-client-secret-71c");
        await page.Locator("#setting-refreshToken").FillAsync("e2e-refresh-token-9a2");
        await page.Locator("#setting-accessToken").FillAsync("e2e-access-token-4d8");
        await page.Locator("#setting-accessTokenExpiresAt").FillAsync("2099-01-01T00:00:00Z");
        await page.Locator("#setting-baseUrl").FillAsync(xero.BaseUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/integrations/expenses/edit?created=true");
        (await page.ContentAsync()).ShouldNotContain("e2e-client-secret-71c");

        await app.IngestAsync("expenses", "EXP-7", new
        {
            Contact = new { Name = "Jo Volunteer" },
            LineItems = new[] { new { Description = "Train fare", Quantity = 1, UnitAmount = 23.4, AccountCode = "493", TaxType = "GST99" } },
            Date = "2026-03-01",
            Status = "DRAFT",
        }, "bill");
        await app.WaitForCountAsync("expenses", "failed", 1);

        await page.GotoAsync(app.BaseUrl + "/failed?integration=expenses");
        await page.GetByRole(AriaRole.Link, new() { Name = "EXP-7" }).ClickAsync();
        await Assertions.Expect(page.Locator("#field-problems")).ToContainTextAsync("GST99");
        var editor = page.Locator("#edit-payload");
        await editor.FillAsync((await editor.InputValueAsync()).Replace("GST99", "NONE", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and retry" }).ClickAsync();

        await Assertions.Expect(page.Locator("#record-status")).ToHaveTextAsync("Delivered", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#record-body")).ToContainTextAsync("GST99");
        var sent = xero.RequestsFor("createInvoices");
        sent.Count.ShouldBe(2);
        sent[0].Body.ShouldContain("GST99");
        sent[1].Body.ShouldContain("\"NONE\"");
        sent[1].Header("Idempotency-Key").ShouldNotBe(sent[0].Header("Idempotency-Key"));
        sent.ShouldAllBe(r => r.Header("xero-tenant-id") == "0f2a0a4c-1b6e-4c4a-9d36-3b1f9c1e2d55");
        xero.Violations.ShouldBeEmpty();
    }
}
