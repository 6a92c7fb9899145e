using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Security;

public sealed class SignInRateLimitTests : IDisposable
{
    private const int AttemptsPerMinute = 3;
    private readonly SyncHubWebFactory _factory = new();

    public SignInRateLimitTests() =>
        _factory.Settings["SyncHub:Security:SignInAttemptsPerMinute"] = AttemptsPerMinute.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task SignInPage_MoreRequestsThanTheLimitWithinAMinute_Returns429WithRetryAfter()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < AttemptsPerMinute; i++)
        {
            using var allowed = await client.GetAsync("/account/sign-in");
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"request {i + 1} of {AttemptsPerMinute}");
        }

        using var response = await client.GetAsync("/account/sign-in");

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
            (await client.GetAsync("/account/sign-in")).Dispose();
        }

        using var health = await client.GetAsync("/healthz");
        using var api = _factory.CreateApiClient();
        using var integrations = await api.GetAsync("/api/v1/integrations");

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        integrations.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
