using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SyncHub.Benchmarks;

/// <summary>
/// The minimal loopback destination both SyncHub and the bare client post to: Kestrel, reads the body, answers 201
/// at once (or 503 while <see cref="Healthy"/> is off, so records can be made to fail). Keeps one body SyncHub sent,
/// so the bare client posts the same bytes.
/// </summary>
internal sealed class Destination : IAsyncDisposable
{
    private static readonly byte[] Created = """{"id":"x"}"""u8.ToArray();
    private readonly WebApplication _app;
    private long _received;

    private Destination(WebApplication app) => _app = app;

    public bool Healthy { get; set; } = true;

    public long Received => Interlocked.Read(ref _received);

    public byte[]? SampleBody { get; private set; }

    public string Url { get; private set; } = "";

    public static async Task<Destination> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var destination = new Destination(builder.Build());
        destination._app.Run(destination.AnswerAsync);
        await destination._app.StartAsync();
        var address = destination._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        destination.Url = address + "/hook";
        return destination;
    }

    public void ResetCount() => Interlocked.Exchange(ref _received, 0);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        SampleBody ??= body.ToArray();
        Interlocked.Increment(ref _received);
        if (!Healthy)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Created.Length;
        await context.Response.Body.WriteAsync(Created, context.RequestAborted);
    }
}
