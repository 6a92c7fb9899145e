using System.Net.Http.Headers;
using System.Text;
using Shouldly;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>OAuth 2.0: refresh ahead of expiry and on a 401, rotation, persistence, one refresh at a time.</summary>
public sealed class XeroTokenTests : XeroTestBase
{
    [Fact]
    public async Task DeliverAsync_NoAccessToken_RefreshesFirstWithBasicAuthAndTheFormThenUsesTheNewToken()
    {
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));

        var outcome = await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create(accessToken: null, expiresAt: null)), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
        var refresh = Xero.TokenCalls.ShouldHaveSingleItem();
        refresh.Method.ShouldBe("POST");
        refresh.Headers["Content-Type"].ShouldStartWith("application/x-www-form-urlencoded");
        refresh.Body.ShouldBe("grant_type=refresh_token&refresh_token=" + XeroSettingsJson.RefreshToken);
        var basic = AuthenticationHeaderValue.Parse(refresh.Headers["Authorization"]);
        basic.Scheme.ShouldBe("Basic");
        Encoding.UTF8.GetString(Convert.FromBase64String(basic.Parameter!)).ShouldBe("client-id-1:" + XeroSettingsJson.ClientSecret);
        Xero.ApiCalls.ShouldHaveSingleItem().Headers["Authorization"].ShouldBe("Bearer access-token-2");
    }

    [Fact]
    public async Task DeliverAsync_TokenWithMoreThanTwoMinutesLeft_NoRefresh()
    {
        Time.Advance(TimeSpan.FromMinutes(27));
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));

        await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create()), CancellationToken.None);

        Xero.TokenCalls.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_TokenExpiresWithinTwoMinutes_RefreshesAhead()
    {
        Time.Advance(TimeSpan.FromMinutes(28) + TimeSpan.FromSeconds(1));
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));

        await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create()), CancellationToken.None);

        Xero.TokenCalls.Count.ShouldBe(1);
        Xero.ApiCalls.ShouldHaveSingleItem().Headers["Authorization"].ShouldBe("Bearer access-token-2");
    }

    [Fact]
    public async Task DeliverAsync_UnreadableExpiry_TreatedAsExpired()
    {
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));

        await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create(expiresAt: "next tuesday")), CancellationToken.None);

        Xero.TokenCalls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DeliverAsync_Refreshed_SavesTheRotatedPairWithItsExpiry()
    {
        Xero.Grant("access-token-2", "refresh-token-2", expiresIn: 1800);
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));

        await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create(accessToken: null)), CancellationToken.None);

        var (integration, values) = Store.Saved.ShouldHaveSingleItem();
        integration.ShouldBe(XeroRequests.Integration);
        values["accessToken"].ShouldBe("access-token-2");
        values["refreshToken"].ShouldBe("refresh-token-2");
        DateTimeOffset.Parse(values["accessTokenExpiresAt"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(XeroClock.Start.AddMinutes(30));
    }

    [Fact]
    public async Task DeliverAsync_SettingsStillCarryTheSpentRefreshToken_NextRefreshUsesTheRotatedOne()
    {
        // The host has not merged the saved tokens yet: the settings lag behind what Xero last issued.
        var stale = XeroSettingsJson.Create(accessToken: null);
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));
        await Gateway.DeliverAsync(Delivery(stale), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(29));
        Xero.Grant("access-token-3", "refresh-token-3");
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));

        await Gateway.DeliverAsync(Delivery(stale), CancellationToken.None);

        Xero.TokenCalls.Count.ShouldBe(2);
        Xero.TokenCalls[1].Body.ShouldEndWith("refresh_token=refresh-token-2");
        Xero.ApiCalls[1].Headers["Authorization"].ShouldBe("Bearer access-token-3");
    }

    [Fact]
    public async Task DeliverAsync_AdministratorReauthorised_StartsOverFromTheNewSettings()
    {
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));
        await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create(accessToken: null)), CancellationToken.None);
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));

        await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create(accessToken: "access-token-new", refreshToken: "refresh-token-new")), CancellationToken.None);

        Xero.ApiCalls[1].Headers["Authorization"].ShouldBe("Bearer access-token-new");
        Xero.TokenCalls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DeliverAsync_NoCredentialStore_KeepsTheRotatedTokensInMemory()
    {
        using var http = new HttpClient(Xero);
        var gateway = new SyncHub.Connectors.Xero.XeroGateway(new ConnectorServices(http, Time, Logs));
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));

        await gateway.DeliverAsync(Delivery(XeroSettingsJson.Create(accessToken: null)), CancellationToken.None);
        await gateway.DeliverAsync(Delivery(XeroSettingsJson.Create(accessToken: null)), CancellationToken.None);

        Xero.TokenCalls.Count.ShouldBe(1);
        Xero.ApiCalls.ShouldAllBe(call => call.Headers["Authorization"] == "Bearer access-token-2");
    }

    [Fact]
    public async Task DeliverAsync_401_RefreshesOnceAndRepeatsTheCallOnce()
    {
        Xero.Api(401, """{"Type": null, "Title": "Unauthorized", "Status": 401, "Detail": "TokenExpired: token expired at 03/01/2026 11:59:00"}""");
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));

        var outcome = await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create()), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue(outcome.Message);
        outcome.ExternalId.ShouldBe(XeroBodies.InvoiceId);
        Xero.TokenCalls.Count.ShouldBe(1);
        Xero.ApiCalls.Select(call => call.Headers["Authorization"]).ShouldBe(["Bearer " + XeroSettingsJson.AccessToken, "Bearer access-token-2"]);
        Xero.ApiCalls.Select(call => call.Headers["Idempotency-Key"]).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task DeliverAsync_401AgainAfterTheRefresh_AuthenticationWithoutAThirdCall()
    {
        Xero.Api(401);
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(401);

        var outcome = await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create()), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Authentication);
        outcome.Message!.ShouldContain("re-authorise");
        Xero.ApiCalls.Count.ShouldBe(2);
        Xero.TokenCalls.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(400, """{"error": "invalid_grant"}""", "invalid_grant")]
    [InlineData(401, """{"error": "invalid_client"}""", "invalid_client")]
    public async Task DeliverAsync_RefreshRefused_AuthenticationAskingToReauthorise(int status, string body, string code)
    {
        Xero.Token(status, body);

        var outcome = await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create(accessToken: null)), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Authentication);
        outcome.Message!.ShouldStartWith("Xero refused the refresh token; re-authorise the connection");
        outcome.Message!.ShouldContain(code);
        Xero.ApiCalls.ShouldBeEmpty();
        Store.Saved.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_TokenEndpointFails_TransientWithItsStatus()
    {
        Xero.Token(503, "upstream unavailable");

        var outcome = await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create(accessToken: null)), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Transient);
        outcome.HttpStatus.ShouldBe(503);
    }

    [Fact]
    public async Task DeliverAsync_ConcurrentDeliveriesWithAnExpiredToken_OneRefreshServesThemAll()
    {
        var release = new TaskCompletionSource();
        Xero.GrantWhen(release.Task, "access-token-2", "refresh-token-2");
        for (var i = 0; i < 4; i++)
        {
            Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));
        }

        var settings = XeroSettingsJson.Create(accessToken: null);
        var deliveries = Enumerable.Range(1, 4)
            .Select(i => Gateway.DeliverAsync(Delivery(settings, recordId: i), CancellationToken.None))
            .ToList();
        release.SetResult();
        var outcomes = await Task.WhenAll(deliveries);

        outcomes.ShouldAllBe(outcome => outcome.IsDelivered);
        Xero.TokenCalls.Count.ShouldBe(1);
        Xero.ApiCalls.ShouldAllBe(call => call.Headers["Authorization"] == "Bearer access-token-2");
    }

    [Fact]
    public async Task DeliverAsync_CallerGivesUpDuringTheRefresh_TheRotatedTokenIsStillKept()
    {
        var release = new TaskCompletionSource();
        Xero.GrantWhen(release.Task, "access-token-2", "refresh-token-2");
        using var cancel = new CancellationTokenSource();
        var settings = XeroSettingsJson.Create(accessToken: null);

        var first = Gateway.DeliverAsync(Delivery(settings), cancel.Token);
        await cancel.CancelAsync();
        await Should.ThrowAsync<TaskCanceledException>(() => first);
        release.SetResult();
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));
        var second = await Gateway.DeliverAsync(Delivery(settings), CancellationToken.None);

        second.IsDelivered.ShouldBeTrue(second.Message);
        Xero.TokenCalls.Count.ShouldBe(1);
        Xero.ApiCalls.ShouldHaveSingleItem().Headers["Authorization"].ShouldBe("Bearer access-token-2");
        Store.Saved.ShouldHaveSingleItem().Values["refreshToken"].ShouldBe("refresh-token-2");
    }

    [Fact]
    public async Task RefreshCredentialsAsync_Granted_TrueAndTheNewTokenIsUsed()
    {
        Xero.Grant("access-token-2", "refresh-token-2");
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));
        var settings = ConnectorSettings.Parse(XeroSettingsJson.Create());

        var refreshed = await Gateway.RefreshCredentialsAsync(XeroRequests.Integration, settings, CancellationToken.None);
        await Gateway.DeliverAsync(Delivery(XeroSettingsJson.Create()), CancellationToken.None);

        refreshed.ShouldBeTrue();
        Xero.ApiCalls.ShouldHaveSingleItem().Headers["Authorization"].ShouldBe("Bearer access-token-2");
    }

    [Fact]
    public async Task RefreshCredentialsAsync_InvalidGrant_False()
    {
        Xero.Token(400, """{"error": "invalid_grant"}""");

        var refreshed = await Gateway.RefreshCredentialsAsync(XeroRequests.Integration, ConnectorSettings.Parse(XeroSettingsJson.Create()), CancellationToken.None);

        refreshed.ShouldBeFalse();
    }

    [Fact]
    public async Task Tokens_AreKeptPerIntegration()
    {
        Xero.Grant("access-token-a", "refresh-token-a");
        Xero.Grant("access-token-b", "refresh-token-b");
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));
        Xero.Api(200, XeroBodies.Created("Invoices", "InvoiceID", XeroBodies.InvoiceId));
        var settings = XeroSettingsJson.Create(accessToken: null);

        await Gateway.DeliverAsync(XeroRequests.Delivery(settings: settings, integration: "a"), CancellationToken.None);
        await Gateway.DeliverAsync(XeroRequests.Delivery(settings: settings, integration: "b"), CancellationToken.None);

        Xero.TokenCalls.Count.ShouldBe(2);
        Store.Saved.Select(saved => saved.Integration).ShouldBe(["a", "b"]);
    }

    private static DeliveryRequest Delivery(string settings, long recordId = 1) => XeroRequests.Delivery(settings: settings, recordId: recordId);
}
