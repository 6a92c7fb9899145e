using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Shouldly;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Security;

/// <summary>Over HTTPS, directly or through a trusted proxy, every cookie is Secure and HSTS is sent; over plain HTTP neither.</summary>
public sealed class TransportTests(ProxiedWebFactory factory) : IClassFixture<ProxiedWebFactory>
{
    private const string Host = "synchub.example.com";

    [Fact]
    public async Task SignInPage_HttpsRequest_EveryCookieSecureAndHstsSent()
    {
        var response = await GetAsync("/account/sign-in", scheme: "https");

        Cookies(response).ShouldNotBeEmpty();
        Cookies(response).ShouldAllBe(cookie => cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        response.Headers.StrictTransportSecurity.ToString().ShouldStartWith("max-age=");
    }

    [Fact]
    public async Task SignInPage_HttpsAtATrustedProxy_EveryCookieSecureAndHstsSent()
    {
        var response = await GetAsync("/account/sign-in", scheme: "http", forwardedProto: "https", from: IPAddress.Loopback);

        Cookies(response).ShouldNotBeEmpty();
        Cookies(response).ShouldAllBe(cookie => cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        response.Headers.StrictTransportSecurity.ToString().ShouldStartWith("max-age=");
    }

    [Fact]
    public async Task SignInPage_ForwardedProtoFromAnUntrustedAddress_Ignored()
    {
        var response = await GetAsync("/account/sign-in", scheme: "http", forwardedProto: "https", from: IPAddress.Parse("203.0.113.9"));

        Cookies(response).ShouldAllBe(cookie => !cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        response.Headers.ContainsKey("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task SignInPage_PlainHttp_NoSecureCookiesAndNoHsts()
    {
        var response = await GetAsync("/account/sign-in", scheme: "http");

        Cookies(response).ShouldNotBeEmpty();
        Cookies(response).ShouldAllBe(cookie => !cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        response.Headers.ContainsKey("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task SignIn_HttpsAtATrustedProxy_AuthCookieSecureToo()
    {
        var page = await GetAsync("/account/sign-in", scheme: "http", forwardedProto: "https", from: IPAddress.Loopback);
        var antiforgery = Cookies(page).Single().Split(';')[0];
        var token = TestUtils.AntiforgeryToken.FromHtml(await new StreamReader(page.Body).ReadToEndAsync());

        var response = await factory.Server.SendAsync(context =>
        {
            Prepare(context, "/account/sign-in", "http", "https", IPAddress.Loopback);
            context.Request.Method = "POST";
            context.Request.Headers.Cookie = antiforgery;
            context.Request.ContentType = "application/x-www-form-urlencoded";
            var form = $"Form.Email={Uri.EscapeDataString(TestUtils.SyncHubWebFactory.AdminEmail)}&Form.Password={Uri.EscapeDataString(TestUtils.SyncHubWebFactory.Password)}&__RequestVerificationToken={Uri.EscapeDataString(token)}";
            context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(form));
        });

        response.Response.StatusCode.ShouldBe(StatusCodes.Status302Found);
        var auth = Cookies(response.Response).Single(c => c.StartsWith("synchub.auth=", StringComparison.Ordinal));
        auth.ShouldContain("; secure", Case.Insensitive);
        auth.ShouldContain("; httponly", Case.Insensitive);
    }

    private async Task<HttpResponse> GetAsync(string path, string scheme, string? forwardedProto = null, IPAddress? from = null)
    {
        var context = await factory.Server.SendAsync(c => Prepare(c, path, scheme, forwardedProto, from));
        context.Response.StatusCode.ShouldBe(StatusCodes.Status200OK);
        return context.Response;
    }

    private static void Prepare(HttpContext context, string path, string scheme, string? forwardedProto, IPAddress? from)
    {
        context.Request.Method = "GET";
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString(Host);
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = from ?? IPAddress.Loopback;
        if (forwardedProto is not null)
        {
            context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        }
    }

    private static string[] Cookies(HttpResponse response) => [.. response.Headers.SetCookie.Select(c => c!)];
}
