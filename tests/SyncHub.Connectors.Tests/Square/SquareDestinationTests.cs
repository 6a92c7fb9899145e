using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Square;

/// <summary>Reconciliation reads Square's customers: searches conform to the spec and compare what delivery writes.</summary>
public sealed class SquareDestinationTests : SquareServerFixture
{
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAsync_SearchesCustomersUpdatedSinceOldestFirst_AndLeavesOutThoseWithoutReference()
    {
        Server.Enqueue("POST", "/v2/customers/search", ScriptedResponse.Json(200,
            SquareJson.Customers(SquareJson.Customer("CUST-1", "ada@example.com", "M-1001"), SquareJson.Customer("CUST-2", "walk-in@example.com"))));

        var page = await Gateway.ListAsync(Query(), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        page.IsSuccess.ShouldBeTrue(page.Message);
        var sent = Server.RequestsFor("SearchCustomers").ShouldHaveSingleItem().Json!;
        sent["query"]!["filter"]!["updated_at"]!["start_at"]!.GetValue<string>().ShouldBe("2026-03-01T00:00:00Z");
        sent["query"]!["sort"]!["field"]!.GetValue<string>().ShouldBe("CREATED_AT");
        sent["limit"]!.GetValue<int>().ShouldBe(100);
        var held = page.Records.ShouldHaveSingleItem();
        held.Reference.ShouldBe("M-1001");
        held.ExternalId.ShouldBe("CUST-1");
        held.Label.ShouldBe("Ada Lovelace");
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task ListAsync_AnswerWithCursor_PassesItBackForTheNextPage()
    {
        Server.Enqueue("POST", "/v2/customers/search",
            ScriptedResponse.Json(200, """{"customers": [], "cursor": "page-2"}"""),
            ScriptedResponse.Json(200, SquareJson.NoCustomers));

        var first = await Gateway.ListAsync(Query(), CancellationToken.None);
        var second = await Gateway.ListAsync(Query() with { Cursor = first.NextCursor }, CancellationToken.None);

        first.NextCursor.ShouldBe("page-2");
        Server.RequestsFor("SearchCustomers")[1].Json!["cursor"]!.GetValue<string>().ShouldBe("page-2");
        second.NextCursor.ShouldBeNull();
        Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Expect_TheMemberDelivered_MatchesTheCustomerSquareHolds()
    {
        Server.Enqueue("POST", "/v2/customers/search", ScriptedResponse.Json(200, SquareJson.Customers(
            SquareJson.Customer("CUST-1", "Ada@Example.com", "M-1001").Replace("\"+15550100\"", "\"+1 555-0100\"", StringComparison.Ordinal)
                .Replace("\"VIP\"", "\"Gold\"", StringComparison.Ordinal))));

        var expected = Gateway.Expect(Subject(SquareRequests.MemberBody))!;
        var held = (await Gateway.ListAsync(Query(), CancellationToken.None)).Records.Single();

        expected.Reference.ShouldBe("M-1001");
        expected.Fields!.Keys.Order().ShouldBe(["email_address", "family_name", "given_name", "note", "phone_number"]);
        expected.Fields.ShouldAllBe(field => held.Fields![field.Key] == field.Value);
    }

    [Fact]
    public async Task FetchAsync_ByTheMembersReference_FoundWithItsFields()
    {
        Server.Enqueue("POST", "/v2/customers/search",
            ScriptedResponse.Json(200, SquareJson.Customers(SquareJson.Customer("CUST-1", "ada@example.com", "M-1001", givenName: "Adah"))));

        var fetched = await Gateway.FetchAsync(Subject(SquareRequests.MemberBody), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        Server.RequestsFor("SearchCustomers").Single().Json!["query"]!["filter"]!["reference_id"]!["exact"]!.GetValue<string>().ShouldBe("M-1001");
        fetched.Record!.Fields!["given_name"].ShouldBe("Adah");
    }

    [Fact]
    public async Task FetchAsync_NoCustomerWithTheReference_NotFound()
    {
        Server.Enqueue("POST", "/v2/customers/search", ScriptedResponse.Json(200, SquareJson.NoCustomers));

        var fetched = await Gateway.FetchAsync(Subject(SquareRequests.MemberBody), CancellationToken.None);

        fetched.IsSuccess.ShouldBeTrue();
        fetched.Record.ShouldBeNull();
    }

    [Fact]
    public async Task ListAsync_RateLimited_FailsWithRetryAfter()
    {
        Server.Enqueue("POST", "/v2/customers/search",
            ScriptedResponse.Json(429, SquareJson.Error("RATE_LIMIT_ERROR", "RATE_LIMITED", "Slow down.")).WithHeader("Retry-After", "12"));

        var page = await Gateway.ListAsync(Query(), CancellationToken.None);

        page.ErrorClass.ShouldBe(ErrorClass.RateLimited);
        page.RetryAfter.ShouldBe(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void Capabilities_ListsAndResendsAsAnUpdate()
    {
        Gateway.ReadMode(ConnectorSettings.Parse(SquareRequests.Settings(Server))).ShouldBe(DestinationReadMode.List);
        Gateway.ResendReplaces("customer").ShouldBeTrue();
    }

    private DestinationQuery Query() => new()
    {
        IntegrationSlug = "shop-members",
        Settings = ConnectorSettings.Parse(SquareRequests.Settings(Server)),
        EntityType = "customer",
        ChangedFrom = From,
    };

    private DestinationSubject Subject(string body) => new()
    {
        IntegrationSlug = "shop-members",
        EntityType = "customer",
        SourceId = "M-1001",
        IdempotencyKey = "0f8fad5bd9cb469fa165708b3ac6a6ba.1",
        Body = body,
        Settings = ConnectorSettings.Parse(SquareRequests.Settings(Server)),
    };
}
