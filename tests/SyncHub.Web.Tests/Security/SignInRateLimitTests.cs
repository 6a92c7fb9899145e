using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Security;

public sealed class SignInRateLimitTests : IDisposable
{
    private const int AttemptsPerMinute = 3;
    private readonly SyncHubWebFactory _factory = new();

    public SignInRateLimitTests() =>
        _factory.Settings["SyncHub:Security:SignInAttemptsPerMinute"] = AttemptsPerMinute.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimitWithinAMinute_Returns429WithRetryAfter()
    {
        var from = IPAddress.Parse("198.51.100.20");
        for (var i = 0; i < AttemptsPerMinute; i++)
        {
            var (status, _) = await AddressedSignIn.PostAsync(_factory, from, "nobody@test.local", "wrong-password-" + i);
            status.ShouldBe(StatusCodes.Status200OK, $"attempt {i + 1} of {AttemptsPerMinute}");
        }

        var response = await AddressedSignIn.PostAsync(_factory, from, "nobody@test.local", "one-too-many");

        response.Status.ShouldBe(StatusCodes.Status429TooManyRequests);
    }

    [Fact]
    public async Task SignInPage_LoadedMoreOftenThanTheLimit_StillAnswersAndSignInWorks()
    {
        var from = IPAddress.Parse("198.51.100.21");
        for (var i = 0; i < AttemptsPerMinute * 4; i++)
        {
            (await AddressedSignIn.LoadAsync(_factory, from)).Response.StatusCode.ShouldBe(StatusCodes.Status200OK, $"page load {i + 1}");
        }

        var (status, body) = await AddressedSignIn.PostAsync(_factory, from, SyncHubWebFactory.AdminEmail, SyncHubWebFactory.Password);

        status.ShouldBe(StatusCodes.Status302Found, body);
    }

    [Fact]
    public async Task SignIn_OverTheLimit_ClientGets429WithRetryAfter()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < AttemptsPerMinute; i++)
        {
            using var form = new FormUrlEncodedContent([new("Form.Email", "x@test.local"), new("Form.Password", "y")]);
            (await client.PostAsync("/account/sign-in", form)).Dispose();
        }

        using var last = new FormUrlEncodedContent([new("Form.Email", "x@test.local"), new("Form.Password", "y")]);
        using var response = await client.PostAsync("/account/sign-in", last);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.ShouldNotBeNull();
        response.Headers.RetryAfter.Delta.ShouldNotBeNull();
        response.Headers.RetryAfter.Delta.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task OtherEndpoints_SignInLimitExhausted_StillAnswer()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i <= AttemptsPerMinute; i++)
        {
            using var form = new FormUrlEncodedContent([new("Form.Email", "x@test.local"), new("Form.Password", "y")]);
            (await client.PostAsync("/account/sign-in", form)).Dispose();
        }

        using var health = await client.GetAsync("/healthz");
        using var api = _factory.CreateApiClient();
        using var integrations = await api.GetAsync("/api/v1/integrations");

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        integrations.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
