using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Square;

/// <summary>A member's points reach the Square customer's loyalty account through the Loyalty API, checked against the spec.</summary>
public sealed class SquareLoyaltyTests : SquareServerFixture
{
    [Fact]
    public async Task DeliverAsync_CustomerHasALoyaltyAccount_AdjustsItByTheDifference()
    {
        Server.AnswerSearches(byReference: SquareJson.Customers(SquareJson.Customer("CUST-7", "ada@example.com", "M-1001")));
        Server.Enqueue("PUT", "/v2/customers/{customer_id}", Ok(SquareJson.One(SquareJson.Customer("CUST-7", "ada@example.com", "M-1001"))));
        Loyalty.Give("CUST-7", 100);

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
        outcome.ExternalId.ShouldBe("CUST-7");
        Loyalty.BalanceOf("CUST-7").ShouldBe(120);
        var search = Server.RequestsFor("SearchLoyaltyAccounts").ShouldHaveSingleItem();
        search.Json!["query"]!["customer_ids"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["CUST-7"]);
        var adjust = Server.RequestsFor("AdjustLoyaltyPoints").ShouldHaveSingleItem();
        adjust.PathValues["account_id"].ShouldBe("LA-CUST-7");
        adjust.Json!["adjust_points"]!["points"]!.GetValue<long>().ShouldBe(20);
        adjust.Json!["adjust_points"]!["reason"]!.GetValue<string>().ShouldContain("M-1001");
        adjust.Json!["idempotency_key"]!.GetValue<string>().Length.ShouldBeInRange(1, 128);
        adjust.Header("Authorization").ShouldBe("Bearer " + SquareRequests.Token);
        Server.RequestsFor("CreateLoyaltyAccount").ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_BalanceAlreadyTheMembers_NoAdjustment()
    {
        Server.AnswerSearches(byReference: SquareJson.Customers(SquareJson.Customer("CUST-7", "ada@example.com", "M-1001")));
        Server.Enqueue("PUT", "/v2/customers/{customer_id}", Ok(SquareJson.One(SquareJson.Customer("CUST-7", "ada@example.com", "M-1001"))));
        Loyalty.Give("CUST-7", 120);

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
        Server.RequestsFor("AdjustLoyaltyPoints").ShouldBeEmpty();
        Loyalty.BalanceOf("CUST-7").ShouldBe(120);
    }

    [Fact]
    public async Task DeliverAsync_DeliveredTwice_AdjustsOnce()
    {
        Server.AnswerSearches(byReference: SquareJson.Customers(SquareJson.Customer("CUST-7", "ada@example.com", "M-1001")));
        Server.Respond("PUT", "/v2/customers/{customer_id}", _ => Ok(SquareJson.One(SquareJson.Customer("CUST-7", "ada@example.com", "M-1001"))));
        Loyalty.Give("CUST-7", 30);

        (await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None)).IsDelivered.ShouldBeTrue();
        (await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None)).IsDelivered.ShouldBeTrue();

        Loyalty.BalanceOf("CUST-7").ShouldBe(120);
        Server.RequestsFor("AdjustLoyaltyPoints").ShouldHaveSingleItem().Json!["adjust_points"]!["points"]!.GetValue<long>().ShouldBe(90);
        Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_NewCustomerWithoutAccount_OpensOneByPhoneInTheProgramThenSetsThePoints()
    {
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", Ok(SquareJson.One(SquareJson.Customer("CUST-NEW", "ada@example.com", "M-1001"))));
        Loyalty.CustomerHasPhone("CUST-NEW", "+15550100");

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
        Loyalty.BalanceOf("CUST-NEW").ShouldBe(120);
        Server.RequestsFor("RetrieveLoyaltyProgram").ShouldHaveSingleItem().PathValues["program_id"].ShouldBe("main");
        var open = Server.RequestsFor("CreateLoyaltyAccount").ShouldHaveSingleItem().Json!;
        open["loyalty_account"]!["program_id"]!.GetValue<string>().ShouldBe(SquareLoyaltyStore.ProgramId);
        open["loyalty_account"]!["mapping"]!["phone_number"]!.GetValue<string>().ShouldBe("+15550100");
        open["idempotency_key"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        Server.RequestsFor("AdjustLoyaltyPoints").ShouldHaveSingleItem().Json!["adjust_points"]!["points"]!.GetValue<long>().ShouldBe(120);
    }

    [Fact]
    public async Task DeliverAsync_NoAccountAndNoPhoneAnywhere_FailsNamingThePhone_TheCustomerIsSaved()
    {
        const string body = """{"memberNumber":"M-1001","givenName":"Ada","email":"ada@example.com","points":120}""";
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", Ok(SquareJson.One(SquareJson.Customer("CUST-NEW", "ada@example.com", "M-1001"))));
        Server.Enqueue("GET", "/v2/customers/{customer_id}", Ok(SquareJson.One(SquareJson.Customer("CUST-NEW", "ada@example.com", "M-1001").Replace("\"+15550100\"", "null", StringComparison.Ordinal))));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server, body), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("phone");
        outcome.Message.ShouldBe("Square customer CUST-NEW was saved, but its loyalty points were not: Square keeps points on a loyalty account, which it opens by phone number; the member's 120 points need one.");
        Server.RequestsFor("CreateCustomer").ShouldHaveSingleItem();
        Server.RequestsFor("RetrieveCustomer").ShouldHaveSingleItem().PathValues["customer_id"].ShouldBe("CUST-NEW");
        Server.RequestsFor("CreateLoyaltyAccount").ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_SellerHasNoLoyaltyProgram_ReferenceNotFoundSayingThePointsHaveNowhereToGo()
    {
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", Ok(SquareJson.One(SquareJson.Customer("CUST-NEW", "ada@example.com", "M-1001"))));
        Loyalty.HasProgram = false;

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.ReferenceNotFound);
        outcome.Message.ShouldNotBeNull().ShouldContain("no loyalty program, so the member's 120 points have nowhere to go");
        Server.RequestsFor("CreateLoyaltyAccount").ShouldBeEmpty();
        Server.RequestsFor("AdjustLoyaltyPoints").ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_NoPoints_NoLoyaltyCall()
    {
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", Ok(SquareJson.One(SquareJson.Customer("CUST-NEW"))));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server, """{"givenName":"Ada","points":null}"""), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue();
        Server.Requests.ShouldNotContain(r => r.Path.Contains("/loyalty/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkAsync_ChosenCustomer_GetsTheMembersPoints()
    {
        Server.Enqueue("PUT", "/v2/customers/{customer_id}", Ok(SquareJson.One(SquareJson.Customer("CUST-2", "ada@example.com", "M-1001"))));
        Loyalty.Give("CUST-2", 15);

        var outcome = await Gateway.LinkAsync(SquareRequests.Member(Server), "CUST-2", CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsLinked.ShouldBeTrue(outcome.Message);
        Loyalty.BalanceOf("CUST-2").ShouldBe(120);
    }

    [Fact]
    public async Task CheckMergeAsync_TokenMayDoEverythingAndTheSurvivorHasAnAccount_AllowedWithoutWriting()
    {
        Loyalty.Give("CUST-2", 15);

        var result = await Gateway.CheckMergeAsync(Merge(), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        result.Allowed.ShouldBeTrue(result.Reason);
        Server.RequestsFor("RetrieveTokenStatus").ShouldHaveSingleItem().Body.ShouldBeEmpty();
        Server.Requests.Select(r => r.OperationId).ShouldBe(["RetrieveTokenStatus", "SearchLoyaltyAccounts"]);
        Loyalty.BalanceOf("CUST-2").ShouldBe(15);
    }

    [Fact]
    public async Task CheckMergeAsync_TokenLacksLoyaltyWrite_RefusedNamingThePermission_NothingWritten()
    {
        Loyalty.Scopes = ["CUSTOMERS_READ", "CUSTOMERS_WRITE", "LOYALTY_READ"];

        var result = await Gateway.CheckMergeAsync(Merge(), CancellationToken.None);

        result.Allowed.ShouldBeFalse();
        result.ErrorClass.ShouldBe(ErrorClass.Authorization);
        result.Reason.ShouldBe("Square's access token lacks the LOYALTY_WRITE permission this merge needs (it gives the surviving customer the combined 120 points). "
            + "Grant it to the token, or leave points out of the mapping, then merge again.");
        Server.Requests.Select(r => r.OperationId).ShouldBe(["RetrieveTokenStatus"]);
    }

    [Fact]
    public async Task CheckMergeAsync_NoPoints_NeedsOnlyCustomersWrite()
    {
        Loyalty.Scopes = ["CUSTOMERS_WRITE"];

        var result = await Gateway.CheckMergeAsync(Merge("""{"memberNumber":"M-1001","givenName":"Ada"}"""), CancellationToken.None);

        result.Allowed.ShouldBeTrue(result.Reason);
        Server.Requests.Select(r => r.OperationId).ShouldBe(["RetrieveTokenStatus"]);
    }

    [Fact]
    public async Task CheckMergeAsync_SurvivorWithoutAccountAndNoPhone_RefusedNamingThePhone()
    {
        Server.Enqueue("GET", "/v2/customers/{customer_id}", Ok(SquareJson.One(SquareJson.Customer("CUST-2").Replace("\"+15550100\"", "null", StringComparison.Ordinal))));

        var result = await Gateway.CheckMergeAsync(Merge("""{"memberNumber":"M-1001","givenName":"Ada","points":120}"""), CancellationToken.None);

        result.Allowed.ShouldBeFalse();
        result.ErrorClass.ShouldBe(ErrorClass.Validation);
        result.Reason.ShouldContain("opens by phone number");
        Server.Requests.ShouldNotContain(r => r.OperationId == "CreateLoyaltyAccount" || r.OperationId == "AdjustLoyaltyPoints");
    }

    [Fact]
    public async Task CheckMergeAsync_TokenRefused_RefusedAsAuthentication()
    {
        Server.Enqueue("POST", "/oauth2/token/status", ScriptedResponse.Json(401, SquareJson.Error("AUTHENTICATION_ERROR", "UNAUTHORIZED", "The token is not valid.")));

        var result = await Gateway.CheckMergeAsync(Merge(), CancellationToken.None);

        result.ErrorClass.ShouldBe(ErrorClass.Authentication);
        result.Reason.ShouldBe("Square refused to tell the access token's permissions (HTTP 401): UNAUTHORIZED The token is not valid.");
    }

    [Fact]
    public async Task TransferAsync_MergedCustomersHoldPoints_SetsThemToZero_AndARepeatChangesNothing()
    {
        Loyalty.Give("CUST-1", 100);
        Loyalty.Give("CUST-3", 0);
        Loyalty.Give("CUST-OTHER", 55);
        var request = Merge(merged: ["CUST-1", "CUST-3"]);

        var first = await Gateway.TransferAsync(request, CancellationToken.None);
        var again = await Gateway.TransferAsync(request, CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        first.IsDelivered.ShouldBeTrue(first.Message);
        again.IsDelivered.ShouldBeTrue(again.Message);
        Loyalty.BalanceOf("CUST-1").ShouldBe(0);
        Loyalty.BalanceOf("CUST-3").ShouldBe(0);
        Loyalty.BalanceOf("CUST-OTHER").ShouldBe(55);
        var adjust = Server.RequestsFor("AdjustLoyaltyPoints").ShouldHaveSingleItem();
        adjust.PathValues["account_id"].ShouldBe("LA-CUST-1");
        adjust.Json!["adjust_points"]!["points"]!.GetValue<long>().ShouldBe(-100);
        adjust.Json!["adjust_points"]!["reason"]!.GetValue<string>().ShouldContain("Merged into Square customer CUST-2");
    }

    [Fact]
    public async Task TransferAsync_NoPointsInTheBody_LeavesTheMergedCustomersAlone()
    {
        Loyalty.Give("CUST-1", 100);

        var outcome = await Gateway.TransferAsync(Merge("""{"memberNumber":"M-1001","givenName":"Ada"}""", ["CUST-1"]), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue();
        Loyalty.BalanceOf("CUST-1").ShouldBe(100);
        Server.Requests.ShouldBeEmpty();
    }

    private MergeRequest Merge(string body = SquareRequests.MemberBody, IReadOnlyList<string>? merged = null) => new()
    {
        RecordId = 42,
        IntegrationSlug = "shop-members",
        EntityType = "customer",
        SourceId = "M-1001",
        IdempotencyKey = "0f8fad5bd9cb469fa165708b3ac6a6ba.2.merge",
        Body = body,
        Settings = ConnectorSettings.Parse(SquareRequests.Settings(Server)),
        SurvivorExternalId = "CUST-2",
        MergedExternalIds = merged ?? [],
    };

    private static ScriptedResponse Ok(string body) => ScriptedResponse.Json(200, body);
}
