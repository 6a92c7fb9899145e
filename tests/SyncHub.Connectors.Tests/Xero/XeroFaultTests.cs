using Shouldly;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>How Xero's refusals become outcomes: rate limits, validation errors, duplicates, server faults.</summary>
public sealed class XeroFaultTests : XeroTestBase
{
    private const string ValidationBody = """
        {"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred",
         "Elements": [{"Type": "ACCREC", "Reference": "INV-1001", "HasErrors": true,
           "Contact": {"ContactID": "430fa14a-f945-44d3-9f97-5df5e28441b8", "ValidationErrors": []},
           "LineItems": [{"Description": "Hall hire", "AccountCode": "999",
             "ValidationErrors": [{"Message": "Account code '999' is not a valid code for this document."}]}],
           "ValidationErrors": [{"Message": "Email address must be valid."}, {"Message": "Something nobody can place."}]}]}
        """;

    [Fact]
    public async Task DeliverAsync_429Minute_RateLimitedNamingTheMinuteLimitWithRetryAfter()
    {
        Xero.Api(429, "", new Dictionary<string, string> { ["Retry-After"] = "37", ["X-Rate-Limit-Problem"] = "minute", ["X-MinLimit-Remaining"] = "0" });

        var outcome = await Deliver();

        outcome.ErrorClass.ShouldBe(ErrorClass.RateLimited);
        outcome.HttpStatus.ShouldBe(429);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(37));
        outcome.Message!.ShouldContain("per-minute limit for this organisation");
    }

    [Fact]
    public async Task DeliverAsync_429AppMinute_NamesTheAppWideLimit()
    {
        Xero.Api(429, "", new Dictionary<string, string> { ["Retry-After"] = "5", ["X-Rate-Limit-Problem"] = "appminute" });

        var outcome = await Deliver();

        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(5));
        outcome.Message!.ShouldContain("app-wide");
    }

    [Fact]
    public async Task DeliverAsync_429DayWithRetryAfter_WaitsWhatXeroSays()
    {
        Xero.Api(429, "", new Dictionary<string, string> { ["Retry-After"] = "7200", ["X-Rate-Limit-Problem"] = "day", ["X-DayLimit-Remaining"] = "0" });

        var outcome = await Deliver();

        outcome.ErrorClass.ShouldBe(ErrorClass.RateLimited);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromHours(2));
        outcome.Message!.ShouldContain("daily limit");
        outcome.Message!.ShouldContain("2026-03-01 14:00:00 UTC");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3")]
    public async Task DeliverAsync_429DayWithoutABelievableRetryAfter_WaitsUntilTheNextUtcMidnight(string? retryAfter)
    {
        var headers = new Dictionary<string, string> { ["X-Rate-Limit-Problem"] = "day" };
        if (retryAfter is not null)
        {
            headers["Retry-After"] = retryAfter;
        }

        Xero.Api(429, "", headers);

        var outcome = await Deliver();

        outcome.RetryAfter.ShouldBe(TimeSpan.FromHours(12));
    }

    [Fact]
    public async Task DeliverAsync_429WithoutProblemHeader_RateLimitedWithAMinuteByDefault()
    {
        Xero.Api(429);

        var outcome = await Deliver();

        outcome.ErrorClass.ShouldBe(ErrorClass.RateLimited);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData(500, ErrorClass.ServerError)]
    [InlineData(502, ErrorClass.Transient)]
    [InlineData(503, ErrorClass.Transient)]
    [InlineData(504, ErrorClass.Transient)]
    [InlineData(404, ErrorClass.NotFound)]
    [InlineData(403, ErrorClass.Authorization)]
    [InlineData(409, ErrorClass.Conflict)]
    public async Task DeliverAsync_OtherStatus_ClassifiedLikeEveryConnector(int status, ErrorClass expected)
    {
        Xero.Api(status, """{"Title": "Something", "Detail": "went wrong"}""");

        var outcome = await Deliver();

        outcome.ErrorClass.ShouldBe(expected);
        outcome.HttpStatus.ShouldBe(status);
        outcome.Message!.ShouldContain("went wrong");
    }

    [Fact]
    public async Task DeliverAsync_503WithRetryAfter_KeepsIt()
    {
        Xero.Api(503, "The Xero API is currently offline for maintenance", new Dictionary<string, string> { ["Retry-After"] = "120" });

        var outcome = await Deliver();

        outcome.ErrorClass.ShouldBe(ErrorClass.Transient);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task DeliverAsync_400WithElements_InvalidWithAFieldProblemPerMessage()
    {
        Xero.Api(400, ValidationBody);

        var outcome = await Deliver();

        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.HttpStatus.ShouldBe(400);
        outcome.FieldProblems.ShouldBe(
        [
            new FieldProblem("EmailAddress", "Email address must be valid."),
            new FieldProblem("Invoice[0]", "Something nobody can place."),
            new FieldProblem("LineItems[0].AccountCode", "Account code '999' is not a valid code for this document."),
        ], ignoreOrder: true);
        outcome.Message!.ShouldContain("(and 2 more)");
    }

    [Fact]
    public async Task DeliverAsync_400WithoutElements_ValidationWithXerosMessage()
    {
        Xero.Api(400, """{"ErrorNumber": 14, "Type": "PostDataInvalidException", "Message": "JSON for post data was invalid"}""");

        var outcome = await Deliver();

        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.Message!.ShouldContain("JSON for post data was invalid");
    }

    [Fact]
    public async Task DeliverAsync_ContactNameAlreadyAssigned_Duplicate()
    {
        Xero.Api(400, """
            {"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred",
             "Elements": [{"Name": "Ada Lovelace", "ValidationErrors": [{"Message": "The contact name Ada Lovelace is already assigned to another contact. The contact name must be unique across all active contacts."}]}]}
            """);

        var outcome = await Deliver("contact");

        outcome.ErrorClass.ShouldBe(ErrorClass.Duplicate);
        outcome.Message!.ShouldContain("already assigned to another contact");
    }

    [Fact]
    public async Task DeliverAsync_InvoiceNumberNotUnique_Duplicate()
    {
        Xero.Api(400, """
            {"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred",
             "Elements": [{"ValidationErrors": [{"Message": "Invoice # must be unique."}]}]}
            """);

        var outcome = await Deliver();

        outcome.ErrorClass.ShouldBe(ErrorClass.Duplicate);
    }

    [Fact]
    public async Task DeliverAsync_PaymentAccountCodeMessage_NamesTheAccount()
    {
        Xero.Api(400, """{"Elements": [{"ValidationErrors": [{"Message": "Account code '777' is not a valid code for this document."}]}]}""");

        var outcome = await Deliver("payment");

        outcome.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Account");
    }

    [Fact]
    public async Task DeliverAsync_HugeErrorBody_MessageClippedTo500Characters()
    {
        Xero.Api(500, new string('x', 20_000));

        var outcome = await Deliver();

        outcome.Message!.Length.ShouldBeLessThan(600);
    }

    [Fact]
    public async Task DeliverAsync_SlowAnswer_CancelledWithTheCaller()
    {
        Xero.ApiHangs();
        using var cancel = new CancellationTokenSource();

        var delivery = Gateway.DeliverAsync(XeroRequests.Delivery(), cancel.Token);
        await cancel.CancelAsync();

        await Should.ThrowAsync<TaskCanceledException>(() => delivery);
    }

    [Fact]
    public async Task Faults_NeverPutSecretsInMessagesOrLogs()
    {
        var settings = XeroSettingsJson.Create(accessToken: null);
        Xero.Token(400, """{"error": "invalid_grant", "error_description": "refresh-token-1 is not valid"}""");
        var refused = await Gateway.DeliverAsync(XeroRequests.Delivery(settings: settings), CancellationToken.None);
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(401);
        Xero.Grant("access-token-3", "refresh-token-3");
        Xero.Api(401);
        var unauthorised = await Gateway.DeliverAsync(XeroRequests.Delivery(settings: settings), CancellationToken.None);

        var texts = new[] { refused.Message, unauthorised.Message }.Concat(Logs.Lines).ToList();
        texts.ShouldNotBeEmpty();
        foreach (var secret in new[] { XeroSettingsJson.ClientSecret, XeroSettingsJson.RefreshToken, "refresh-token-2", "refresh-token-3", "access-token-2", "access-token-3" })
        {
            texts.ShouldAllBe(text => text == null || !text.Contains(secret));
        }
    }

    private Task<DeliveryOutcome> Deliver(string entityType = "invoice") =>
        Gateway.DeliverAsync(XeroRequests.Delivery(entityType), CancellationToken.None);
}
