using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Data;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Api;

/// <summary>
/// A full disk (SQLite's page cap standing in for it) gets a clear 503 and leaves nothing half-written. SQLite's own
/// fault is the subject, so this runs on SQLite whichever store the suite is on.
/// </summary>
public sealed class StorageFullTests : IDisposable
{
    private readonly SyncHubWebFactory _factory = new() { Postgres = false };
    private readonly DiskFullSwitch _disk = new();

    [Fact]
    public async Task Ingest_DiskFull_Answers503WithRetryAfterAndStoresNothing()
    {
        using var app = _factory.WithWebHostBuilder(builder => builder.ConfigureServices(
            services => services.ConfigureDbContext<SyncHubDbContext>(options => options.AddInterceptors(_disk))));
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", SyncHubWebFactory.ApiKey);
        (await api.PostAsJsonAsync("/api/v1/integrations", new { slug = "full", name = "Full", connector = "fake" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Ingest(api, "BEFORE")).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        _disk.Full = true;
        using var refused = await Ingest(api, "DURING");
        _disk.Full = false;

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync()).ShouldContain("disk may be full");
        var pending = await api.GetStringAsync("/api/v1/integrations/full/records?status=pending");
        pending.ShouldContain("BEFORE");
        pending.ShouldNotContain("DURING");
        (await Ingest(api, "AFTER")).StatusCode.ShouldBe(HttpStatusCode.Accepted, "once space is back, ingest works again");
    }

    public void Dispose() => _factory.Dispose();

    private static Task<HttpResponseMessage> Ingest(HttpClient api, string sourceId) =>
        api.PostAsJsonAsync("/api/v1/integrations/full/records", new { entityType = "invoice", sourceId, payload = new { note = new string('x', 200_000) } });

    /// <summary>While <see cref="Full"/>, every new connection may not grow the database by a single page.</summary>
    private sealed class DiskFullSwitch : DbConnectionInterceptor
    {
        public volatile bool Full;

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (!Full)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_count;";
            var pages = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = $"PRAGMA max_page_count = {pages};";
            await command.ExecuteScalarAsync(cancellationToken);
        }
    }
}
