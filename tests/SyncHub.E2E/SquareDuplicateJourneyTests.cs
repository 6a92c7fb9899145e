using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Shouldly;
using SyncHub.Specs;

namespace SyncHub.E2E;

/// <summary>
/// Seed 001's duplicate pattern with the real Square connector against a server that checks every request
/// against Square's published spec: one member links to the single customer sharing her email; another meets
/// two candidates, and an administrator compares them and merges; each member's points reach the loyalty account.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SquareDuplicateJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Administrator_SeesALinkedMember_ThenReviewsAndMergesAPossibleDuplicate()
    {
        await using var square = await SpecServer.StartAsync("square_api.json", new SpecServerOptions { RequiredHeaders = ["Square-Version"] });
        AnswerLikeSquare(square);
        var balances = KeepLoyaltyAccounts(square, new() { ["CUST-ANN"] = 0, ["CUST-B2"] = 5 });
        await using var app = RunningSyncHub.Start();
        await app.CreateIntegrationAsync("members", "Store members", "square", new { accessToken = "sq-e2e-token", baseUrl = square.BaseUrl });

        await app.IngestAsync("members", "M-1001", new { memberNumber = "M-1001", givenName = "Ann", familyName = "Lee", email = "ann@example.com", points = 10 }, "customer");
        await app.IngestAsync("members", "M-1002", new { memberNumber = "M-1002", givenName = "Bo", familyName = "Berg", email = "bo@example.com", points = 40 }, "customer");
        await app.WaitForCountAsync("members", "delivered", 1);
        await app.WaitForCountAsync("members", "needsReview", 1);
        var page = await app.SignedInPageAsync(browser.Browser);

        await page.GotoAsync(app.BaseUrl + "/records/1");
        await Assertions.Expect(page.Locator("#resolution")).ToContainTextAsync("Linked to existing Square customer CUST-ANN by email");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reviews" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "M-1002" }).ClickAsync();
        await Assertions.Expect(page.Locator("#comparison")).ToContainTextAsync("bo@example.com");
        await Assertions.Expect(page.Locator("#candidate-0")).ToContainTextAsync("CUST-B1");
        await Assertions.Expect(page.Locator("#candidate-1")).ToContainTextAsync("CUST-B2");
        await page.Locator("#candidate-1").GetByLabel("Survives").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge into the chosen record" }).ClickAsync();

        await Assertions.Expect(page.Locator("#review-message")).ToContainTextAsync("Merged into CUST-B2");
        await Assertions.Expect(page.Locator("#review-decision")).ToContainTextAsync("Merged");
        (await app.CountAsync("members", "delivered")).ShouldBe(2);
        var link = square.Requests.Last(r => r.Method == "PUT");
        link.PathValues["customer_id"].ShouldBe("CUST-B2");
        link.Json!["reference_id"]!.GetValue<string>().ShouldBe("M-1002");
        square.Requests.ShouldNotContain(r => r.Method == "POST" && r.Path == "/v2/customers");
        balances["CUST-ANN"].ShouldBe(10);
        balances["CUST-B2"].ShouldBe(40);
        square.RequestsFor("RetrieveTokenStatus").ShouldHaveSingleItem("the merge was checked first");
        square.Violations.ShouldBeEmpty();
    }

    // Square's loyalty accounts by customer: searched by customer id, adjusted by the difference; the token may do everything.
    private static System.Collections.Concurrent.ConcurrentDictionary<string, long> KeepLoyaltyAccounts(SpecServer square, Dictionary<string, long> opening)
    {
        var balances = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(opening);
        square.Respond("POST", "/oauth2/token/status", _ => ScriptedResponse.Json(200, """{"scopes":["CUSTOMERS_READ","CUSTOMERS_WRITE","LOYALTY_READ","LOYALTY_WRITE"]}"""));
        square.Respond("POST", "/v2/loyalty/accounts/search", request =>
        {
            var ids = request.Json?["query"]?["customer_ids"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [];
            var accounts = new JsonArray([.. ids.Where(balances.ContainsKey).Select(id => (JsonNode)new JsonObject
            {
                ["id"] = "LA-" + id, ["program_id"] = "prog-main", ["customer_id"] = id, ["balance"] = balances[id],
            })]);
            return ScriptedResponse.Json(200, new JsonObject { ["loyalty_accounts"] = accounts }.ToJsonString());
        });
        square.Respond("POST", "/v2/loyalty/accounts/{account_id}/adjust", request =>
        {
            var customer = request.PathValues["account_id"]["LA-".Length..];
            balances[customer] += request.Json!["adjust_points"]!["points"]!.GetValue<long>();
            return ScriptedResponse.Json(200, """{"event":{"id":"EV-1","type":"ADJUST_POINTS","created_at":"2026-03-01T12:00:00Z","loyalty_account_id":"LA","source":"LOYALTY_API"}}""");
        });
        return balances;
    }

    // Square's answers: nobody has a member number yet; Ann's email finds one customer, Bo's finds two.
    private static void AnswerLikeSquare(SpecServer square)
    {
        square.Respond("POST", "/v2/customers/search", request =>
        {
            var filter = request.Json?["query"]?["filter"]?.AsObject();
            var email = filter?["email_address"]?["exact"]?.GetValue<string>();
            var customers = email switch
            {
                "ann@example.com" => [Customer("CUST-ANN", "Ann", email)],
                "bo@example.com" => new[] { Customer("CUST-B1", "Bo", email), Customer("CUST-B2", "Bo", email) },
                _ => [],
            };
            return ScriptedResponse.Json(200, customers.Length == 0 ? "{}" : new JsonObject { ["customers"] = new JsonArray(customers) }.ToJsonString());
        });
        square.Respond("PUT", "/v2/customers/{customer_id}", request =>
        {
            var customer = Customer(request.PathValues["customer_id"], "Linked", request.Json?["email_address"]?.GetValue<string>());
            customer["reference_id"] = request.Json?["reference_id"]?.GetValue<string>();
            return ScriptedResponse.Json(200, new JsonObject { ["customer"] = customer }.ToJsonString());
        });
    }

    private static JsonObject Customer(string id, string givenName, string? email) => new()
    {
        ["id"] = id,
        ["given_name"] = givenName,
        ["email_address"] = email,
        ["created_at"] = "2025-01-02T03:04:05Z",
        ["version"] = 1,
    };
}
