using Shouldly;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>The connection test reads the organisation and changes nothing.</summary>
public sealed class XeroConnectionTests : XeroTestBase
{
    private const string Organisations = """{"Organisations": [{"Name": "Riverside Food Bank", "OrganisationID": "b2c885a9-4bb9-4a00-9b6e-6c2bf60b1a2b"}]}""";

    [Fact]
    public async Task TestConnectionAsync_Answered_OkNamingTheOrganisation()
    {
        Xero.Api(200, Organisations);

        var result = await Gateway.TestConnectionAsync(XeroRequests.Integration, Settings(), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Message);
        result.Message.ShouldBe("Connected to Riverside Food Bank");
        var sent = Xero.ApiCalls.ShouldHaveSingleItem();
        sent.Method.ShouldBe("GET");
        sent.Url.AbsolutePath.ShouldBe("/api.xro/2.0/Organisation");
        sent.Headers["xero-tenant-id"].ShouldBe("tenant-1");
    }

    [Fact]
    public async Task TestConnectionAsync_TokenExpired_RefreshesFirst()
    {
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(200, Organisations);

        var result = await Gateway.TestConnectionAsync(XeroRequests.Integration, Settings(XeroSettingsJson.Create(accessToken: null)), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Message);
        Xero.ApiCalls.ShouldHaveSingleItem().Headers["Authorization"].ShouldBe("Bearer access-token-2");
    }

    [Fact]
    public async Task TestConnectionAsync_TenantNotConnected_Authorization()
    {
        Xero.Api(403, """{"Type": null, "Title": "Forbidden", "Status": 403, "Detail": "AuthorizationUnsuccessful"}""");

        var result = await Gateway.TestConnectionAsync(XeroRequests.Integration, Settings(), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.ErrorClass.ShouldBe(ErrorClass.Authorization);
        result.Message.ShouldContain("tenantId");
    }

    [Fact]
    public async Task TestConnectionAsync_RefreshRefused_Authentication()
    {
        Xero.Token(400, """{"error": "invalid_grant"}""");

        var result = await Gateway.TestConnectionAsync(XeroRequests.Integration, Settings(XeroSettingsJson.Create(accessToken: null)), CancellationToken.None);

        result.ErrorClass.ShouldBe(ErrorClass.Authentication);
    }

    [Fact]
    public async Task TestConnectionAsync_MissingSetting_FailsNamingIt()
    {
        var result = await Gateway.TestConnectionAsync(XeroRequests.Integration, Settings(XeroSettingsJson.Create(tenantId: null)), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Message.ShouldContain("tenantId");
        Xero.Sent.ShouldBeEmpty();
    }

    private static ConnectorSettings Settings(string? json = null) => ConnectorSettings.Parse(json ?? XeroSettingsJson.Create());
}
