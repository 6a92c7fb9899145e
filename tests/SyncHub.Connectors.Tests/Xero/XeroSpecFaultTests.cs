using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>Xero's refusals, scripted on the spec server, and what the connector makes of them.</summary>
public sealed class XeroSpecFaultTests : XeroSpecFixture
{
    private const string Unauthorized = """{"Type": null, "Title": "Unauthorized", "Status": 401, "Detail": "TokenExpired: token expired at 03/01/2026 11:59:00"}""";

    [Fact]
    public async Task DeliverAsync_401_RefreshesAndTheRepeatedCallSucceeds()
    {
        Server.Enqueue("PUT", "/Invoices", new ScriptedResponse(401, Unauthorized));
        Xero.Grant("access-token-2", "refresh-token-2");

        var outcome = await Gateway.DeliverAsync(Delivery(), CancellationToken.None);

        Server.Violations.ShouldBeEmpty();
        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
        var calls = Server.RequestsFor("createInvoices");
        calls.Select(call => call.Header("Authorization")).ShouldBe(["Bearer " + XeroSettingsJson.AccessToken, "Bearer access-token-2"]);
        calls.Select(call => call.Body).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task DeliverAsync_401AndTheRefreshIsRefused_AuthenticationAndNoRepeat()
    {
        Server.Enqueue("PUT", "/Invoices", new ScriptedResponse(401, Unauthorized));
        Xero.Token(400, """{"error": "invalid_grant"}""");

        var outcome = await Gateway.DeliverAsync(Delivery(), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Authentication);
        outcome.Message!.ShouldContain("re-authorise");
        Server.Requests.Count.ShouldBe(1);
        Server.Violations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("minute", "30", 30, "per-minute")]
    [InlineData("appminute", "10", 10, "app-wide")]
    [InlineData("day", "5400", 5400, "daily")]
    public async Task DeliverAsync_429_RateLimitedNamingTheLimit(string problem, string retryAfter, int seconds, string named)
    {
        Server.Enqueue("PUT", "/Invoices", new ScriptedResponse(429)
            .WithHeader("Retry-After", retryAfter).WithHeader("X-Rate-Limit-Problem", problem));

        var outcome = await Gateway.DeliverAsync(Delivery(), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.RateLimited);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(seconds));
        outcome.Message!.ShouldContain(named);
        Server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_429DayWithoutRetryAfter_WaitsUntilUtcMidnight()
    {
        Server.Enqueue("PUT", "/Invoices", new ScriptedResponse(429).WithHeader("X-Rate-Limit-Problem", "day"));

        var outcome = await Gateway.DeliverAsync(Delivery(), CancellationToken.None);

        outcome.RetryAfter.ShouldBe(TimeSpan.FromHours(12));
    }

    [Theory]
    [InlineData(500, ErrorClass.ServerError)]
    [InlineData(503, ErrorClass.Transient)]
    public async Task DeliverAsync_ServerFault_ClassifiedAndNotRepeated(int status, ErrorClass expected)
    {
        Server.Enqueue("PUT", "/Invoices", new ScriptedResponse(status, """{"Message": "An error occurred in Xero."}"""));

        var outcome = await Gateway.DeliverAsync(Delivery(), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(expected);
        outcome.HttpStatus.ShouldBe(status);
        Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DeliverAsync_400WithElements_InvalidWithFieldProblems()
    {
        Server.Enqueue("PUT", "/Invoices", new ScriptedResponse(400, """
            {"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred",
             "Elements": [{"Type": "ACCREC", "HasErrors": true,
               "LineItems": [{"Description": "Hall hire", "ValidationErrors": [{"Message": "The TaxType code 'GST99' does not exist or cannot be used with this type of transaction."}]}],
               "ValidationErrors": [{"Message": "The document date cannot be before the end of year lock date."}]}]}
            """));

        var outcome = await Gateway.DeliverAsync(Delivery(), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.FieldProblems.Select(problem => problem.Field).ShouldBe(["Date", "LineItems[0].TaxType"], ignoreOrder: true);
        outcome.FieldProblems.ShouldContain(problem => problem.Message.Contains("GST99"));
    }

    [Fact]
    public async Task DeliverAsync_SpecsOwnContactValidationExample_Duplicate()
    {
        var example = Server.Spec.Operation("PUT", "/Contacts").Operation.Responses!["400"].Content!["application/json"].Example;
        example.ShouldNotBeNull();
        Server.Enqueue("PUT", "/Contacts", new ScriptedResponse(400, example.ToJsonString()));

        var outcome = await Gateway.DeliverAsync(Delivery("contact"), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Duplicate);
        outcome.Message!.ShouldContain("is already assigned to another contact");
    }

    [Fact]
    public async Task DeliverAsync_SlowAnswer_CancelledWithTheCaller()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        Server.Respond("PUT", "/Invoices", _ =>
        {
            arrived.TrySetResult();
            return new ScriptedResponse(200, """{"Invoices": []}""").After(never.Task);
        });
        using var cancel = new CancellationTokenSource();

        var delivery = Gateway.DeliverAsync(Delivery(), cancel.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => delivery);
        Server.Requests.ShouldHaveSingleItem().OperationId.ShouldBe("createInvoices");
    }
}
