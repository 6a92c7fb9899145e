using System.Net;
using System.Text;
using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Specs;

public sealed class XeroSpecServerTests : IAsyncLifetime
{
    private const string Invoice = """
        {"Invoices":[{"Type":"ACCREC","Contact":{"ContactID":"430fa14a-f945-44d3-9f97-5df5e28441b8"},
          "LineItems":[{"Description":"Tyres","Quantity":2,"UnitAmount":20,"AccountCode":"200"}],
          "Date":"2026-03-11","Reference":"INV-1001","Status":"AUTHORISED"}]}
        """;

    private readonly HttpClient _http = new();
    private SpecServer _server = null!;

    public async Task InitializeAsync() => _server = await SpecServer.StartAsync("xero_accounting.yaml");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public void BaseUrl_IncludesTheSpecsServerBasePath()
    {
        _server.BaseUrl.ShouldStartWith("http://127.0.0.1:");
        _server.BaseUrl.ShouldEndWith("/api.xro/2.0");
    }

    [Fact]
    public async Task CreateInvoices_ConformingRequest_PassesAndGetsTheSpecsExample()
    {
        using var response = await SendAsync(HttpMethod.Put, "/Invoices", Invoice);

        _server.Violations.ShouldBeEmpty();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"Invoices\"");
        _server.Requests.ShouldHaveSingleItem().OperationId.ShouldBe("createInvoices");
    }

    [Fact]
    public async Task CreateInvoices_WithoutTenantHeader_IsAViolation()
    {
        using var response = await SendAsync(HttpMethod.Put, "/Invoices", Invoice, tenant: null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _server.Violations.ShouldHaveSingleItem().Problems.ShouldContain("required header 'xero-tenant-id' is missing");
    }

    [Fact]
    public async Task CreateInvoices_BadEnumAndUuid_AreViolationsWithTheirPaths()
    {
        var body = """{"Invoices":[{"Type":"INVOICE","Contact":{"ContactID":"not-a-uuid"}}]}""";

        using var response = await SendAsync(HttpMethod.Put, "/Invoices", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problems = _server.Violations.ShouldHaveSingleItem().Problems;
        problems.ShouldContain(p => p.StartsWith("body.Invoices[0].Type: \"INVOICE\" is not one of the allowed values"));
        problems.ShouldContain("body.Invoices[0].Contact.ContactID: \"not-a-uuid\" is not a valid uuid");
    }

    [Fact]
    public async Task CreateItems_MissingRequiredProperty_IsAViolation()
    {
        using var response = await SendAsync(HttpMethod.Put, "/Items", """{"Items":[{"Name":"Tyre"}]}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _server.Violations.ShouldHaveSingleItem().Problems.ShouldContain("body.Items[0]: required property 'Code' is missing");
    }

    [Fact]
    public async Task OutsideTheBasePath_IsAViolation()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(_server.BaseUrl), "/Invoices"));

        using var response = await _http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _server.Violations.ShouldHaveSingleItem().Problems.ShouldContain(p => p.Contains("outside the spec's base path '/api.xro/2.0'"));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? tenant = "tenant-1")
    {
        using var request = new HttpRequestMessage(method, _server.BaseUrl + path);
        request.Headers.Authorization = new("Bearer", "xero-token");
        if (tenant is not null)
        {
            request.Headers.Add("xero-tenant-id", tenant);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await _http.SendAsync(request);
    }
}
