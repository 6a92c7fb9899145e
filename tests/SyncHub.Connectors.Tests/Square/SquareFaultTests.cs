using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Square;

/// <summary>How Square's refusals and slowness become outcomes.</summary>
public sealed class SquareFaultTests : SquareServerFixture
{
    [Fact]
    public async Task DeliverAsync_401_AuthenticationWithoutTheToken()
    {
        Server.Enqueue("POST", "/v2/customers/search",
            ScriptedResponse.Json(401, SquareJson.Error("AUTHENTICATION_ERROR", "UNAUTHORIZED", "This request could not be authorized.")));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Authentication);
        outcome.HttpStatus.ShouldBe(401);
        outcome.Message.ShouldBe("Square refused to search customers by reference (HTTP 401): UNAUTHORIZED This request could not be authorized.");
        outcome.Message!.ShouldNotContain(SquareRequests.Token);
        Server.RequestsFor("CreateCustomer").ShouldBeEmpty();
        Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_429WithRetryAfterSeconds_RateLimitedWithTheWait()
    {
        Server.Enqueue("POST", "/v2/customers/search",
            ScriptedResponse.Json(429, SquareJson.Error("RATE_LIMIT_ERROR", "RATE_LIMITED", "Too many requests.")).WithHeader("Retry-After", "30"));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.RateLimited);
        outcome.HttpStatus.ShouldBe(429);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task DeliverAsync_429WithRetryAfterDate_WaitsUntilThenByTheInjectedClock()
    {
        Server.Enqueue("POST", "/v2/customers/search",
            ScriptedResponse.Json(429, SquareJson.Error("RATE_LIMIT_ERROR", "RATE_LIMITED", "Slow down.")).WithHeader("Retry-After", "Sun, 01 Mar 2026 12:02:00 GMT"));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        outcome.RetryAfter.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Theory]
    [InlineData(500, ErrorClass.ServerError)]
    [InlineData(503, ErrorClass.Transient)]
    public async Task DeliverAsync_ServerFailureOnCreate_ClassifiedByStatus(int status, ErrorClass expected)
    {
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", ScriptedResponse.Json(status, SquareJson.Error("API_ERROR", "INTERNAL_SERVER_ERROR", "Something broke.")));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(expected);
        outcome.HttpStatus.ShouldBe(status);
        outcome.Message!.ShouldStartWith($"Square refused to create the customer (HTTP {status})");
        Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_400WithFieldErrors_InvalidWithOneProblemPerField()
    {
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", ScriptedResponse.Json(400, """
            {"errors":[
              {"category":"INVALID_REQUEST_ERROR","code":"INVALID_EMAIL_ADDRESS","detail":"Expected email_address to be a valid email address.","field":"email_address"},
              {"category":"INVALID_REQUEST_ERROR","code":"INVALID_PHONE_NUMBER","detail":"Expected phone_number to be a valid phone number.","field":"phone_number"}]}
            """));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.HttpStatus.ShouldBe(400);
        outcome.FieldProblems.ShouldBe([
            new FieldProblem("email_address", "Expected email_address to be a valid email address."),
            new FieldProblem("phone_number", "Expected phone_number to be a valid phone number."),
        ]);
        outcome.Message!.ShouldContain("INVALID_EMAIL_ADDRESS email_address");
    }

    [Fact]
    public async Task DeliverAsync_LongUntrustedErrorText_IsCutTo500Characters()
    {
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", ScriptedResponse.Json(400, SquareJson.Error("INVALID_REQUEST_ERROR", "VALUE_TOO_LONG", new string('x', 5000), "note")));

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        outcome.Message!.Length.ShouldBeLessThanOrEqualTo(501);
        outcome.FieldProblems.ShouldHaveSingleItem().Message.Length.ShouldBeLessThanOrEqualTo(501);
    }

    [Fact]
    public async Task DeliverAsync_400WithoutFieldsOrJson_ValidationWithTheBodyAsMessage()
    {
        Server.AnswerSearches();
        Server.Enqueue("POST", "/v2/customers", new ScriptedResponse(400, "bad gateway config") { Headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain" } });

        var outcome = await Gateway.DeliverAsync(SquareRequests.Member(Server), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.FieldProblems.ShouldBeEmpty();
        outcome.Message.ShouldBe("Square refused to create the customer (HTTP 400): bad gateway config");
    }

    [Fact]
    public async Task DeliverAsync_SlowAnswer_CancelledByTheToken()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        Server.Respond("POST", "/v2/customers/search", _ =>
        {
            arrived.TrySetResult();
            return ScriptedResponse.Json(200, SquareJson.NoCustomers).After(never.Task);
        });
        using var timeout = new CancellationTokenSource();

        var delivery = Gateway.DeliverAsync(SquareRequests.Member(Server), timeout.Token);
        (await Task.WhenAny(arrived.Task, delivery)).ShouldBe(arrived.Task, "the delivery ended before Square answered: " + string.Join("; ", Server.Violations));
        await timeout.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(delivery);
        Server.RequestsFor("CreateCustomer").ShouldBeEmpty();
    }
}
