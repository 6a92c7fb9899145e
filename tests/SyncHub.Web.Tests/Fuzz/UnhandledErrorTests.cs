using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Fuzz;

/// <summary>
/// A request the app fails on must say so with a 5xx, whatever its method: a client retries a 500 and fixes a
/// 400, so a crash reported as 400 tells an integrator (or the htmx page) that a valid request was wrong.
/// Signed in, so the fallback authorization policy lets the request reach the throwing code.
/// </summary>
public sealed class UnhandledErrorTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    private const string ThrowingPath = "/fuzz/throws";

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Request_HandlerThrows_Answers500(string method)
    {
        using var app = factory.WithWebHostBuilder(builder => builder.ConfigureServices(
            services => services.AddSingleton<IStartupFilter, ThrowingEndpoint>()));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SyncHubWebFactory.SignInAsync(client, SyncHubWebFactory.AdminEmail, SyncHubWebFactory.Password);
        using var request = new HttpRequestMessage(new HttpMethod(method), ThrowingPath);
        if (method == "POST")
        {
            request.Content = ApiCalls.Json("""{"entityType": "invoice", "sourceId": "INV-1", "payload": {}}""");
        }

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Stands in for any handler with a bug: throws for one path, behind the app's own error handling.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate rest) => context.Request.Path == ThrowingPath
                ? throw new InvalidOperationException("A bug, on purpose.")
                : rest(context));
        };
    }
}
