using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Square;

/// <summary>A token without the Loyalty API's permissions: Square refuses those calls by the scopes its spec declares.</summary>
public sealed class SquareLoyaltyScopeTests : SquareServerFixture
{
    protected override IReadOnlyCollection<string>? GrantedScopes => ["CUSTOMERS_READ", "CUSTOMERS_WRITE"];

    [Fact]
    public async Task DeliverAsync_TokenWithoutLoyaltyScopes_CustomerSaved_PointsFailAsAuthorizationNamingThePermissions()
    {
        Server.AnswerSearches(byReference: SquareJson.Customers(SquareJson.Customer("CUST-7", "ada@example.com", "M-1001")));
        Server.Enqueue("PUT", "/v2/customers/{customer_id}", ScriptedResponse.Json(200, SquareJson.One(SquareJson.Customer("CUST-7", "ada@example.com", "M-1001"))));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeFalse();
        outcome.ErrorClass.ShouldBe(ErrorClass.Authorization);
        outcome.HttpStatus.ShouldBe(403);
        outcome.Message.ShouldNotBeNull().ShouldStartWith("Square customer CUST-7 was saved, but its loyalty points were not: Square refused to search loyalty accounts (HTTP 403): INSUFFICIENT_SCOPES");
        outcome.Message.ShouldContain("The access token needs LOYALTY_READ and LOYALTY_WRITE to keep the member's 120 points in Square");
        Server.RequestsFor("UpdateCustomer").ShouldHaveSingleItem();
        Server.RequestsFor("AdjustLoyaltyPoints").ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_TokenWithoutLoyaltyScopes_MemberWithoutPoints_Delivered()
    {
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", ScriptedResponse.Json(200, SquareJson.One(SquareJson.Customer("CUST-NEW"))));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server, """{"memberNumber":"M-1001","givenName":"Ada"}"""), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
    }
}
