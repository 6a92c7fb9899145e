using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Integrations;

/// <summary>Fills in and posts the connection form the way an administrator would, and reads what was stored.</summary>
internal static class IntegrationForms
{
    public static List<KeyValuePair<string, string>> Secure(string slug, string secret, string apiUrl = "https://api.example.test/v2") =>
    [
        new("Form.Connector", FakeConnectionGateway.Name), new("Form.Name", "Books " + slug), new("Form.Slug", slug),
        new("Form.Settings[apiUrl]", apiUrl), new("Form.Settings[clientId]", "client-" + slug), new("Form.Settings[clientSecret]", secret),
        new("Form.Settings[pageSize]", "50"), new("Form.BaseDelaySeconds", "30"), new("Form.Factor", "2"), new("Form.MaxDelaySeconds", "3600"),
        new("Form.MaxAutomaticAttempts", "8"), new("Form.DuplicateDetection", "true"), new("Form.DuplicateDetection", "false"),
        new("Form.AutoFixes", "email"), new("Form.AutoFixes", "date"),
    ];

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> form, string key, string value) =>
        [.. form.Where(f => f.Key != key), new(key, value)];

    /// <summary>Adds a fake-secure integration through /integrations/new; returns the edit page it leads to.</summary>
    public static async Task CreateSecureAsync(this Browser browser, string slug, string secret)
    {
        await browser.OpenAsync("/integrations/new");
        using var response = await browser.FormPostAsync("/integrations/new", Secure(slug, secret));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.OriginalString.ShouldBe($"/integrations/{slug}/edit?created=true");
    }

    public static async Task<ConnectorSettings> StoredSettingsAsync(this SyncHubWebFactory factory, string slug)
    {
        var integration = (await factory.Services.GetRequiredService<IntegrationService>().FindAsync(slug, CancellationToken.None)).ShouldNotBeNull();
        return factory.Services.GetRequiredService<SettingsProtector>().Read(integration.SettingsJson);
    }

    public static async Task<Integration?> FindAsync(this SyncHubWebFactory factory, string slug) =>
        await factory.Services.GetRequiredService<IntegrationService>().FindAsync(slug, CancellationToken.None);

    public static async Task<List<AuditEntry>> AuditAsync(this SyncHubWebFactory factory, string slug)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var target = IntegrationAuditActions.Target(slug);
        return await db.AuditLog.Where(a => a.Target == target).OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task ChangeAsync(this SyncHubWebFactory factory, string slug, Action<Integration> change)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        change(await db.Integrations.SingleAsync(i => i.Slug == slug));
        await factory.Services.SaveThroughGateAsync(db);
    }
}
