using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Square;

/// <summary>Deliveries against the Square spec: every request must conform (no violations).</summary>
public sealed class SquareDeliveryTests : SquareServerFixture
{
    [Fact]
    public async Task DeliverAsync_NewMember_SearchesThenCreatesWithIdempotencyKeyAndReference()
    {
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", Ok(SquareJson.One(SquareJson.Customer("CUST-NEW", "ada@example.com", "M-1001"))));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeTrue();
        outcome.IsLinked.ShouldBeFalse();
        outcome.ExternalId.ShouldBe("CUST-NEW");
        var searches = Server.RequestsFor("SearchCustomers");
        searches.Select(SquareSearchScript.FilterOf).ShouldBe(["reference_id", "email_address"]);
        searches.Select(SquareSearchScript.ExactOf).ShouldBe(["M-1001", "ada@example.com"]);
        var create = Server.RequestsFor("CreateCustomer").ShouldHaveSingleItem();
        create.Header("Authorization").ShouldBe("Bearer " + SquareRequests.Token);
        create.Header("Square-Version").ShouldBe("2025-08-20");
        var body = create.Json!;
        body["idempotency_key"]!.GetValue<string>().ShouldBe("0f8fad5bd9cb469fa165708b3ac6a6ba.1");
        body["reference_id"]!.GetValue<string>().ShouldBe("M-1001");
        body["given_name"]!.GetValue<string>().ShouldBe("Ada");
        body["family_name"]!.GetValue<string>().ShouldBe("Lovelace");
        body["email_address"]!.GetValue<string>().ShouldBe("ada@example.com");
        body["phone_number"]!.GetValue<string>().ShouldBe("+15550100");
        body["note"]!.GetValue<string>().ShouldBe("Gold");
        body.AsObject().ContainsKey("points").ShouldBeFalse();
    }

    [Fact]
    public async Task DeliverAsync_ReferenceAlreadyInSquare_UpdatesThatCustomerWithItsVersion()
    {
        Server.AnswerSearches(byReference: SquareJson.Customers(SquareJson.Customer("CUST-7", "old@example.com", "M-1001", version: 9)));
        Server.Enqueue("PUT", "/v2/customers/{customer_id}", Ok(SquareJson.One(SquareJson.Customer("CUST-7", "ada@example.com", "M-1001"))));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeTrue();
        outcome.IsLinked.ShouldBeFalse();
        outcome.ExternalId.ShouldBe("CUST-7");
        Server.RequestsFor("SearchCustomers").ShouldHaveSingleItem();
        Server.RequestsFor("CreateCustomer").ShouldBeEmpty();
        var update = Server.RequestsFor("UpdateCustomer").ShouldHaveSingleItem();
        update.PathValues["customer_id"].ShouldBe("CUST-7");
        update.Json!["version"]!.GetValue<long>().ShouldBe(9);
        update.Json!["email_address"]!.GetValue<string>().ShouldBe("ada@example.com");
        update.Json!.AsObject().ContainsKey("idempotency_key").ShouldBeFalse();
    }

    [Fact]
    public async Task DeliverAsync_OneCustomerWithTheEmail_LinksItByWritingTheReference()
    {
        Server.AnswerSearches(byEmail: SquareJson.Customers(SquareJson.Customer("CUST-3", "ADA@example.com")));
        Server.Enqueue("PUT", "/v2/customers/{customer_id}", Ok(SquareJson.One(SquareJson.Customer("CUST-3", "ada@example.com", "M-1001"))));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeTrue();
        outcome.IsLinked.ShouldBeTrue();
        outcome.ExternalId.ShouldBe("CUST-3");
        outcome.Note.ShouldBe("Linked to existing Square customer CUST-3 by email");
        var update = Server.RequestsFor("UpdateCustomer").ShouldHaveSingleItem();
        update.PathValues["customer_id"].ShouldBe("CUST-3");
        update.Json!["reference_id"]!.GetValue<string>().ShouldBe("M-1001");
        Server.RequestsFor("CreateCustomer").ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_SeveralCustomersWithTheEmail_PotentialDuplicateWithCandidatesAndNothingWritten()
    {
        var longNote = new string('n', 900);
        Server.AnswerSearches(byEmail: SquareJson.Customers(
            SquareJson.Customer("CUST-1", "ada@example.com", "OLD-1"),
            SquareJson.Customer("CUST-2", "ada@example.com", givenName: "Ada B.").Replace("\"VIP\"", $"\"{longNote}\"", StringComparison.Ordinal)));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.ErrorClass.ShouldBe(ErrorClass.Duplicate);
        outcome.DuplicateCandidates.Select(c => c.ExternalId).ShouldBe(["CUST-1", "CUST-2"]);
        var first = outcome.DuplicateCandidates[0];
        first.DisplayName.ShouldBe("Ada Lovelace");
        first.Fields["email"].ShouldBe("ada@example.com");
        first.Fields["phone"].ShouldBe("+15550100");
        first.Fields["reference_id"].ShouldBe("OLD-1");
        first.Fields["created_at"].ShouldBe("2025-01-02T03:04:05Z");
        first.Fields["note"].ShouldBe("VIP");
        outcome.DuplicateCandidates[1].Fields["note"].Length.ShouldBeLessThanOrEqualTo(201);
        Server.RequestsFor("CreateCustomer").ShouldBeEmpty();
        Server.RequestsFor("UpdateCustomer").ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_SkipDuplicateCheck_CreatesWithoutSearchingByEmail()
    {
        Server.AnswerSearches(byEmail: SquareJson.Customers(SquareJson.Customer("CUST-1", "ada@example.com"), SquareJson.Customer("CUST-2", "ada@example.com")));
        Server.Enqueue("POST", "/v2/customers", Ok(SquareJson.One(SquareJson.Customer("CUST-NEW", "ada@example.com", "M-1001"))));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server, skipDuplicateCheck: true), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeTrue();
        outcome.ExternalId.ShouldBe("CUST-NEW");
        Server.RequestsFor("SearchCustomers").Select(SquareSearchScript.FilterOf).ShouldBe(["reference_id"]);
        Server.RequestsFor("CreateCustomer").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task DeliverAsync_NoMemberNumber_UsesTheSourceIdAsReference()
    {
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", Ok(SquareJson.One(SquareJson.Customer("CUST-NEW"))));

        await Gateway.DeliverAsync(SquareRequests.Member(Server, """{"givenName":"Ada"}"""), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        Server.RequestsFor("SearchCustomers").Select(SquareSearchScript.ExactOf).ShouldBe(["M-1001"]);
        Server.RequestsFor("CreateCustomer").ShouldHaveSingleItem().Json!["reference_id"]!.GetValue<string>().ShouldBe("M-1001");
    }

    [Fact]
    public async Task DeliverAsync_CreateConflictAndTheEmailFindsCustomers_PotentialDuplicate()
    {
        var byEmail = 0;
        Server.Respond("POST", "/v2/customers/search", request =>
            SquareSearchScript.FilterOf(request) == "email_address" && byEmail++ > 0
                ? Ok(SquareJson.Customers(SquareJson.Customer("CUST-9", "ada@example.com")))
                : Ok(SquareJson.NoCustomers));
        Server.Enqueue("POST", "/v2/customers", ScriptedResponse.Json(409, SquareJson.Error("INVALID_REQUEST_ERROR", "CONFLICT", "Customer exists.")));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.ErrorClass.ShouldBe(ErrorClass.Duplicate);
        outcome.DuplicateCandidates.ShouldHaveSingleItem().ExternalId.ShouldBe("CUST-9");
    }

    [Fact]
    public async Task DeliverAsync_CreateConflictAndNoCandidates_Conflict()
    {
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", ScriptedResponse.Json(409, SquareJson.Error("INVALID_REQUEST_ERROR", "CONFLICT", "Customer exists.")));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.ErrorClass.ShouldBe(ErrorClass.Conflict);
        outcome.HttpStatus.ShouldBe(409);
        outcome.Message.ShouldBe("Square refused to create the customer (HTTP 409): CONFLICT Customer exists.");
    }

    private static ScriptedResponse Ok(string body) => ScriptedResponse.Json(200, body);
}
