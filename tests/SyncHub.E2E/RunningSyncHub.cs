using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SyncHub.Core.Alerts;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;

namespace SyncHub.E2E;

/// <summary>SyncHub on a loopback port with background delivery on, plus an API client to set the scene.</summary>
public sealed class RunningSyncHub : IAsyncDisposable
{
    private readonly SyncHubWebFactory _factory = new();

    private RunningSyncHub()
    {
        _factory.Settings["SyncHub:Delivery:BackgroundEnabled"] = "true";
        BaseUrl = _factory.StartKestrel();
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Api.DefaultRequestHeaders.Add("X-Api-Key", SyncHubWebFactory.ApiKey);
    }

    public string BaseUrl { get; }

    public HttpClient Api { get; }

    public FakeGateway Gateway => _factory.Gateway;

    /// <summary>The <c>fake-source</c> connector's records; its deliveries go through <see cref="Gateway"/>.</summary>
    public FakeSource Source => _factory.Source;

    public static RunningSyncHub Start() => new();

    /// <summary>Opens a browser page signed in through the sign-in form as a user of <paramref name="role"/>.</summary>
    public async Task<IPage> SignedInPageAsync(IBrowser browser, string role = Roles.Administrator)
    {
        var email = await _factory.EnsureUserAsync(role);
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(SyncHubWebFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Integration status" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>An integration on the in-process fake connector, for tests that script exact outcomes.</summary>
    public async Task CreateFakeIntegrationAsync(string slug, string name, int maxAutomaticAttempts = 8)
    {
        var response = await Api.PostAsJsonAsync(
            "/api/v1/integrations", new { slug, name, connector = FakeGateway.Name, retry = new { baseDelaySeconds = 3600, maxAutomaticAttempts } });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>An integration on the fake source connector, read by sync runs; automatic retries are an hour away.</summary>
    public async Task CreateSourceIntegrationAsync(string slug, string name)
    {
        var response = await Api.PostAsJsonAsync(
            "/api/v1/integrations", new { slug, name, connector = FakeSource.Name, retry = new { baseDelaySeconds = 3600 } });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The audit log, oldest entry first.</summary>
    public async Task<List<AuditEntry>> AuditLogAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>A Sandbox integration whose first calls fail as scripted; automatic retries are an hour away.</summary>
    public async Task CreateSandboxIntegrationAsync(string slug, string name, params string[] script)
    {
        var response = await Api.PostAsJsonAsync("/api/v1/integrations", new
        {
            slug,
            name,
            connector = "sandbox",
            settings = new { script },
            retry = new { baseDelaySeconds = 3600 },
        });
        response.EnsureSuccessStatusCode();
    }

    public async Task IngestAsync(string slug, string sourceId, object payload, string entityType = "invoice")
    {
        var response = await Api.PostAsJsonAsync($"/api/v1/integrations/{slug}/records", new { entityType, sourceId, payload });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>An integration on a real connector plugin, with its settings.</summary>
    public async Task CreateIntegrationAsync(string slug, string name, string connector, object settings)
    {
        var response = await Api.PostAsJsonAsync("/api/v1/integrations", new { slug, name, connector, settings, retry = new { baseDelaySeconds = 3600 } });
        response.EnsureSuccessStatusCode();
    }

    public async Task<int> CountAsync(string slug, string status)
    {
        using var document = JsonDocument.Parse(await Api.GetStringAsync($"/api/v1/integrations/{slug}"));
        return document.RootElement.GetProperty("counts").GetProperty(status).GetInt32();
    }

    /// <summary>Waits (bounded) for the background delivery job to bring a count to the expected value.</summary>
    public async Task WaitForCountAsync(string slug, string status, int expected)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await CountAsync(slug, status) == expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{slug} never reached {expected} {status}; it has {await CountAsync(slug, status)}.");
    }

    /// <summary>
    /// Runs the alert rules once, as the every-minute alert job does, so a test decides when they are evaluated
    /// instead of waiting for the schedule.
    /// </summary>
    public async Task EvaluateAlertsAsync() =>
        await _factory.Services.GetRequiredService<AlertEvaluator>().EvaluateAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _factory.DisposeAsync();
    }
}
