using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Core.ApiKeys;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Security;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Security;

/// <summary>Keys made on /api-keys: shown once, stored as a hash, scoped, and dead once revoked.</summary>
public sealed class ApiKeyPageTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    [Fact]
    public async Task Create_IngestOnlyKey_IsShownOnceAndMayOnlyIngest()
    {
        using var admin = await Browser.SignedInAsync(factory);
        var key = await CreateKeyAsync(admin, "ERP export", ApiKeyScope.Ingest);
        using var configured = factory.CreateApiClient();
        await configured.EnsureIntegrationAsync("keys-ingest");

        var later = await admin.OpenAsync("/api-keys");
        using var client = ClientWith(key);
        using var ingest = await client.PostJsonAsync("/api/v1/integrations/keys-ingest/records", """{"entityType": "invoice", "sourceId": "INV-1", "payload": {}}""");
        using var list = await client.GetAsync("/api/v1/integrations");
        using var retry = await client.PostJsonAsync("/api/v1/integrations/keys-ingest/records/retry", """{"all": true}""");

        key.ShouldStartWith(ApiKeyHasher.KeyPrefix);
        later.QuerySelector("#new-api-key").ShouldBeNull();
        later.DocumentElement.OuterHtml.ShouldNotContain(key);
        RowOf(later, "ERP export").TextContent.ShouldContain("ingest");
        ingest.StatusCode.ShouldBe(HttpStatusCode.Accepted, await ingest.Content.ReadAsStringAsync());
        await list.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await retry.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_FullKey_MayCallEveryEndpoint()
    {
        using var admin = await Browser.SignedInAsync(factory);
        var key = await CreateKeyAsync(admin, "Reporting", ApiKeyScope.Full);
        using var client = ClientWith(key);

        using var list = await client.GetAsync("/api/v1/integrations");

        list.StatusCode.ShouldBe(HttpStatusCode.OK, await list.Content.ReadAsStringAsync());
        await client.CreateIntegrationAsync("keys-full");
        await client.IngestAsync("keys-full", "INV-2");
    }

    [Fact]
    public async Task Revoke_ActiveKey_RefusesItsCallsWith401()
    {
        using var admin = await Browser.SignedInAsync(factory);
        var key = await CreateKeyAsync(admin, "Short-lived", ApiKeyScope.Full);
        using var client = ClientWith(key);
        using (var before = await client.GetAsync("/api/v1/integrations"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var page = await admin.OpenAsync("/api-keys");
        using var revoked = await admin.FormPostAsync($"/api-keys?handler=Revoke&id={RowOf(page, "Short-lived").Id!["api-key-".Length..]}");

        var html = await revoked.Content.ReadAsStringAsync();
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        Html.Parse(html).Single("#result-message").TextContent.ShouldContain("Revoked.");
        RowOf(Html.Parse(html), "Short-lived").TextContent.ShouldContain("revoked");
        using var after = await client.GetAsync("/api/v1/integrations");
        await after.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_AnyKey_StoresOnlyItsHash()
    {
        using var admin = await Browser.SignedInAsync(factory);
        var key = await CreateKeyAsync(admin, "Hashed", ApiKeyScope.Full);

        var cells = new List<string>();
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            // Closed before the next query: PostgreSQL runs one command at a time on a connection.
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT * FROM \"ApiKeys\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                    }
                }
            }

            var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "Hashed");
            stored.Hash.ShouldBe(ApiKeyHasher.Hash(key));
            key.ShouldStartWith(stored.Prefix);
            stored.Prefix.Length.ShouldBeLessThan(key.Length / 2);
        }

        cells.ShouldNotBeEmpty();
        cells.ShouldNotContain(cell => cell.Contains(key, StringComparison.Ordinal));
    }

    private static async Task<string> CreateKeyAsync(Browser admin, string name, ApiKeyScope scope)
    {
        await admin.OpenAsync("/api-keys");
        using var response = await admin.FormPostAsync("/api-keys?handler=Create", [new("Form.Name", name), new("Form.Scope", scope.ToString())]);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var page = Html.Parse(html);
        RowOf(page, name).TextContent.ShouldContain(scope == ApiKeyScope.Full ? "full" : "ingest");
        return page.Single("#new-api-key").TextContent.Trim();
    }

    private HttpClient ClientWith(string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }

    private static IElement RowOf(IDocument page, string name) =>
        page.QuerySelectorAll("#api-keys tbody tr").SingleOrDefault(r => r.Children[0].TextContent.Trim() == name)
            ?? throw new InvalidOperationException($"No key named {name} in:\n{page.Single("#api-keys").OuterHtml}");
}
