using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Square;

/// <summary>Linking a chosen duplicate, looking records up and testing the connection, against the Square spec.</summary>
public sealed class SquareLinkLookupTests : SquareServerFixture
{
    [Fact]
    public async Task LinkAsync_ChosenCustomer_UpdatedWithReferenceAndFieldsWithoutSearching()
    {
        Server.Enqueue("PUT", "/v2/customers/{customer_id}", ScriptedResponse.Json(200, SquareJson.One(SquareJson.Customer("CUST-2", "ada@example.com", "M-1001"))));

        var outcome = await Gateway.LinkAsync(SquareRequests.Member(Server), "CUST-2", CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeTrue();
        outcome.IsLinked.ShouldBeTrue();
        outcome.ExternalId.ShouldBe("CUST-2");
        outcome.Note.ShouldBe("Linked to Square customer CUST-2 as an administrator chose");
        Server.RequestsFor("SearchCustomers").ShouldBeEmpty();
        var update = Server.RequestsFor("UpdateCustomer").ShouldHaveSingleItem();
        update.PathValues["customer_id"].ShouldBe("CUST-2");
        update.Json!["reference_id"]!.GetValue<string>().ShouldBe("M-1001");
        update.Json!["given_name"]!.GetValue<string>().ShouldBe("Ada");
    }

    [Fact]
    public async Task LinkAsync_CustomerGone_NotFound()
    {
        Server.Enqueue("PUT", "/v2/customers/{customer_id}", ScriptedResponse.Json(404, SquareJson.Error("INVALID_REQUEST_ERROR", "NOT_FOUND", "Customer not found.")));

        var outcome = await Gateway.LinkAsync(SquareRequests.Member(Server), "CUST-404", CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.NotFound);
        outcome.Message.ShouldBe("Square refused to update customer CUST-404 (HTTP 404): NOT_FOUND Customer not found.");
    }

    [Fact]
    public async Task LookupAsync_CustomerWithTheReference_FoundWithItsId()
    {
        Server.AnswerSearches(byReference: SquareJson.Customers(SquareJson.Customer("CUST-5", reference: "M-1001")));

        var outcome = await Gateway.LookupAsync(SquareRequests.Lookup(Server), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsFound.ShouldBeTrue();
        outcome.ExternalId.ShouldBe("CUST-5");
        SquareSearchScript.ExactOf(Server.RequestsFor("SearchCustomers").ShouldHaveSingleItem()).ShouldBe("M-1001");
    }

    [Fact]
    public async Task LookupAsync_NoCustomerOrAnotherReference_NotFound()
    {
        Server.AnswerSearches(byReference: SquareJson.Customers(SquareJson.Customer("CUST-5", reference: "M-1001-B")));

        var outcome = await Gateway.LookupAsync(SquareRequests.Lookup(Server), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsFound.ShouldBeFalse();
        outcome.ErrorClass.ShouldBe(ErrorClass.None);
    }

    [Fact]
    public async Task LookupAsync_503_FailedTransient()
    {
        Server.Enqueue("POST", "/v2/customers/search", ScriptedResponse.Json(503, "{}"));

        var outcome = await Gateway.LookupAsync(SquareRequests.Lookup(Server), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Transient);
        outcome.HttpStatus.ShouldBe(503);
    }

    [Fact]
    public async Task TestConnectionAsync_TokenAccepted_OkAfterOneHarmlessRead()
    {
        Server.Enqueue("GET", "/v2/customers", ScriptedResponse.Json(200, SquareJson.Customers(SquareJson.Customer("CUST-1"))));

        var result = await Gateway.TestConnectionAsync("shop-members", ConnectorSettings.Parse(SquareRequests.Settings(Server)), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue();
        result.Message.ShouldBe("Connected to Square at 127.0.0.1; customers can be read.");
        var request = Server.Requests.ShouldHaveSingleItem();
        request.OperationId.ShouldBe("ListCustomers");
        request.Method.ShouldBe("GET");
        request.QueryValues["limit"].ShouldBe("1");
    }

    [Fact]
    public async Task TestConnectionAsync_TokenRefused_FailedAuthentication()
    {
        Server.Enqueue("GET", "/v2/customers", ScriptedResponse.Json(401, SquareJson.Error("AUTHENTICATION_ERROR", "UNAUTHORIZED", "Bad token.")));

        var result = await Gateway.TestConnectionAsync("shop-members", ConnectorSettings.Parse(SquareRequests.Settings(Server)), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.ErrorClass.ShouldBe(ErrorClass.Authentication);
        result.Message.ShouldBe("Square refused to list customers (HTTP 401): UNAUTHORIZED Bad token.");
    }

    [Fact]
    public async Task TestConnectionAsync_NoToken_FailsWithoutCallingSquare()
    {
        var result = await Gateway.TestConnectionAsync("shop-members", ConnectorSettings.Parse($$"""{"baseUrl":"{{Server.BaseUrl}}"}"""), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldBe("Square setting 'accessToken' is missing.");
        Server.Requests.ShouldBeEmpty();
    }
}
