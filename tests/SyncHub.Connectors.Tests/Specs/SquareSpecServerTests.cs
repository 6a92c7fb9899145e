using System.Net;
using System.Text;
using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Specs;

public sealed class SquareSpecServerTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private SpecServer _server = null!;

    public async Task InitializeAsync() => _server = await SpecServer.StartAsync("square_api.json");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task CreateCustomer_ConformingRequest_AnswersFromTheSpecWithoutViolations()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v2/customers", """{"idempotency_key":"k-1","given_name":"Ada","reference_id":"M-1"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _server.Violations.ShouldBeEmpty();
        var received = _server.Requests.ShouldHaveSingleItem();
        received.OperationId.ShouldBe("CreateCustomer");
        received.Json!["given_name"]!.GetValue<string>().ShouldBe("Ada");
    }

    [Fact]
    public async Task RetrieveCustomer_PathParameter_IsMatchedAndRecorded()
    {
        using var response = await SendAsync(HttpMethod.Get, "/v2/customers/CUST-9");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _server.Violations.ShouldBeEmpty();
        var received = _server.Requests.ShouldHaveSingleItem();
        received.OperationId.ShouldBe("RetrieveCustomer");
        received.PathValues["customer_id"].ShouldBe("CUST-9");
    }

    [Fact]
    public async Task SearchCustomers_LiteralPath_WinsOverTheTemplatedOne()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v2/customers/search", """{"query":{"filter":{"reference_id":{"exact":"M-1"}}},"limit":10}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _server.Violations.ShouldBeEmpty();
        _server.Requests.ShouldHaveSingleItem().OperationId.ShouldBe("SearchCustomers");
    }

    [Fact]
    public async Task CreateCustomer_NoAuthorization_IsAViolationAnswered400()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v2/customers", """{"given_name":"Ada"}""", token: null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Authorization");
        _server.Violations.ShouldHaveSingleItem().Problems.ShouldContain(p => p.Contains("'Authorization' is missing"));
    }

    [Fact]
    public async Task CreateCustomer_WrongPropertyType_IsAViolationNamingTheField()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v2/customers", """{"given_name":5,"address":{"locality":["x"]}}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problems = _server.Violations.ShouldHaveSingleItem().Problems;
        problems.ShouldContain(p => p.StartsWith("body.given_name: expected string"));
        problems.ShouldContain(p => p.StartsWith("body.address.locality: expected string"));
    }

    [Fact]
    public async Task BulkCreateCustomers_MissingRequiredProperty_IsAViolation()
    {
        using var response = await SendAsync(HttpMethod.Post, "/v2/customers/bulk-create", "{}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _server.Violations.ShouldHaveSingleItem().Problems.ShouldContain("body: required property 'customers' is missing");
    }

    [Fact]
    public async Task SearchCustomers_WrongType_AndMissingBody_AreViolations()
    {
        using var wrongType = await SendAsync(HttpMethod.Post, "/v2/customers/search", """{"limit":"ten"}""");
        using var noBody = await SendAsync(HttpMethod.Post, "/v2/customers/search");

        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noBody.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var violations = _server.Violations;
        violations.Count.ShouldBe(2);
        violations[0].Problems.ShouldContain(p => p.StartsWith("body.limit: expected integer"));
        violations[1].Problems.ShouldContain("the request body is required but missing");
    }

    [Fact]
    public async Task UnknownPath_IsAViolation()
    {
        using var response = await SendAsync(HttpMethod.Get, "/v2/clients");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _server.Violations.ShouldHaveSingleItem().Problems.ShouldContain("no path in the spec matches '/v2/clients'");
    }

    [Fact]
    public async Task WrongMethod_IsAViolationListingTheAllowedOnes()
    {
        using var response = await SendAsync(HttpMethod.Patch, "/v2/customers/CUST-9", "{}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = _server.Violations.ShouldHaveSingleItem().Problems.ShouldHaveSingleItem();
        problem.ShouldContain("method PATCH is not defined for /v2/customers/{customer_id}");
        problem.ShouldContain("PUT");
    }

    [Fact]
    public async Task ListCustomers_UndeclaredOrMistypedQueryParameter_IsAViolation()
    {
        using var response = await SendAsync(HttpMethod.Get, "/v2/customers?limit=many&colour=red");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problems = _server.Violations.ShouldHaveSingleItem().Problems;
        problems.ShouldContain(p => p.StartsWith("query parameter 'limit': expected integer"));
        problems.ShouldContain("query parameter 'colour' is not defined by the operation");
    }

    [Fact]
    public async Task RequiredHeadersOption_MissingHeader_IsAViolation()
    {
        await using var strict = await SpecServer.StartAsync("square_api.json", new SpecServerOptions { RequiredHeaders = ["Square-Version"] });
        using var request = new HttpRequestMessage(HttpMethod.Get, strict.BaseUrl + "/v2/locations");
        request.Headers.Authorization = new("Bearer", "token");

        using var response = await _http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        strict.Violations.ShouldHaveSingleItem().Problems.ShouldContain(p => p.Contains("'Square-Version' is missing"));
    }

    [Fact]
    public async Task RejectUnknownPropertiesOption_MisspeltField_IsAViolationOnlyWhenStrict()
    {
        await using var strict = await SpecServer.StartAsync("square_api.json", new SpecServerOptions { RejectUnknownProperties = true });
        const string body = """{"given_name":"Ada","email":"ada@example.com","address":{"locality":"Paris","town":"x"}}""";

        using var lenient = await SendAsync(HttpMethod.Post, "/v2/customers", body);
        using var request = new HttpRequestMessage(HttpMethod.Post, strict.BaseUrl + "/v2/customers")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", "token");
        using var refused = await _http.SendAsync(request);

        lenient.StatusCode.ShouldBe(HttpStatusCode.OK);
        _server.Violations.ShouldBeEmpty();
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        strict.Violations.ShouldHaveSingleItem().Problems.ShouldBe([
            "body.email: property is not in the schema",
            "body.address.town: property is not in the schema",
        ]);
    }

    [Fact]
    public async Task GrantedScopesOption_OperationNeedsAnotherScope_RefusedWith403NotAViolation()
    {
        await using var scoped = await SpecServer.StartAsync("square_api.json", new SpecServerOptions { GrantedScopes = ["CUSTOMERS_READ", "LOYALTY_READ"] });
        using var allowed = new HttpRequestMessage(HttpMethod.Post, scoped.BaseUrl + "/v2/loyalty/accounts/search")
        {
            Content = new StringContent("""{"query":{"customer_ids":["CUST-1"]}}""", Encoding.UTF8, "application/json"),
        };
        allowed.Headers.Authorization = new("Bearer", "token");
        using var refused = new HttpRequestMessage(HttpMethod.Post, scoped.BaseUrl + "/v2/loyalty/accounts/LA-1/adjust")
        {
            Content = new StringContent("""{"idempotency_key":"k-1","adjust_points":{"points":5}}""", Encoding.UTF8, "application/json"),
        };
        refused.Headers.Authorization = new("Bearer", "token");

        using var search = await _http.SendAsync(allowed);
        using var adjust = await _http.SendAsync(refused);

        search.StatusCode.ShouldBe(HttpStatusCode.OK);
        adjust.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await adjust.Content.ReadAsStringAsync()).ShouldContain("LOYALTY_WRITE");
        scoped.Violations.ShouldBeEmpty();
        scoped.Requests.Select(r => r.OperationId).ShouldBe(["SearchLoyaltyAccounts", "AdjustLoyaltyPoints"]);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? token = "sq-token")
    {
        using var request = new HttpRequestMessage(method, _server.BaseUrl + path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await _http.SendAsync(request);
    }
}
