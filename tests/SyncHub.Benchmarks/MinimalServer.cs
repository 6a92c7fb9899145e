using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SyncHub.Benchmarks;

/// <summary>
/// The start-up limit: this program started again as the smallest ASP.NET Core app that serves a page, so the
/// runtime's and Kestrel's own start-up and memory are measured on the same machine in the same run.
/// </summary>
internal static class MinimalServer
{
    public const string Switch = "--minimal-server";

    public static async Task RunAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapGet("/", () => Results.Content("<!doctype html><title>SyncHub</title><p>ready</p>", "text/html"));
        await app.RunAsync();
    }
}
