using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SyncHub.Specs;

/// <summary>
/// A real HTTP server on a loopback port that checks every request against an OpenAPI spec (path, method, required
/// headers and parameters, credentials, JSON body) and answers with scripted responses or the spec's examples.
/// A request that does not conform is answered 400 and recorded in <see cref="Violations"/>; conformance tests assert
/// that list is empty. Usable in-process and by a separately started SyncHub (point the connector's base URL at
/// <see cref="BaseUrl"/>).
/// </summary>
public sealed partial class SpecServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SpecServerOptions _options;
    private readonly ResponseScript _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentQueue<SpecViolation> _violations = new();

    private SpecServer(OpenApiSpec spec, SpecServerOptions options, WebApplication app)
    {
        Spec = spec;
        _options = options;
        _app = app;
    }

    /// <summary>The spec requests are checked against.</summary>
    public OpenApiSpec Spec { get; }

    /// <summary>The server's root with the spec's base path, for example <c>http://127.0.0.1:5123/api.xro/2.0</c>; no trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    /// <summary>Every request that did not conform to the spec.</summary>
    public IReadOnlyList<SpecViolation> Violations => [.. _violations];

    /// <summary>Scripted answers that no request has used yet.</summary>
    public int PendingResponses => _script.Pending;

    /// <summary>Starts a server for a spec in <c>../shared/specs/</c> (see <see cref="SpecFiles"/>) on a free loopback port.</summary>
    public static async Task<SpecServer> StartAsync(string specFile, SpecServerOptions? options = null)
    {
        var spec = OpenApiSpec.Load(specFile);
        // The empty builder reads no appsettings or environment, so a host's Kestrel endpoints never leak in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new SpecServer(spec, options ?? new SpecServerOptions(), app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + spec.BasePath;
        return server;
    }

    /// <summary>Queues answers for an operation, used one per request before any handler.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path template exactly as the spec writes it, for example <c>/Invoices</c>.</param>
    /// <param name="responses">The answers, in order.</param>
    public void Enqueue(string method, string pathTemplate, params ScriptedResponse[] responses)
    {
        var operation = Spec.Operation(method, pathTemplate);
        foreach (var response in responses)
        {
            _script.Enqueue(operation, response);
        }
    }

    /// <summary>Answers every request for an operation (once its queue is empty) with <paramref name="handler"/>.</summary>
    public void Respond(string method, string pathTemplate, Func<ReceivedRequest, ScriptedResponse> handler) =>
        _script.Respond(Spec.Operation(method, pathTemplate), handler);

    /// <summary>The requests that matched one operation, by operationId.</summary>
    public IReadOnlyList<ReceivedRequest> RequestsFor(string operationId) => [.. _requests.Where(r => r.OperationId == operationId)];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
