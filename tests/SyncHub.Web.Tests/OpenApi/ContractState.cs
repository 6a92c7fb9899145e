using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.OpenApi;

/// <summary>
/// What the contract test's SyncHub holds before it sends the examples: the example integration with failed records in
/// three failure groups and one to edit, two duplicate reviews, an open alert, and a source integration for runs.
/// </summary>
internal sealed class ContractState
{
    public const string Slug = "demo-accounting";
    public const string SourceSlug = "demo-shop";

    /// <summary>An integration whose destination can be read, for the reconciliation operations.</summary>
    public const string ReconcileSlug = "demo-ledger";

    private static readonly DuplicateCandidate[] Candidates =
    [
        new("CUST-1", "Ann Lee") { Fields = new Dictionary<string, string> { ["email"] = "ann@example.com" } },
        new("CUST-2", "Ann L.") { Fields = new Dictionary<string, string> { ["email"] = "ann@example.com" } },
    ];

    public required long EditRecordId { get; init; }

    public required string RetryGroup { get; init; }

    public required string DismissGroup { get; init; }

    public required long MergeReviewId { get; init; }

    public required long KeepApartReviewId { get; init; }

    public required long AlertId { get; init; }

    public static async Task<ContractState> SeedAsync(SyncHubWebFactory factory, HttpClient api)
    {
        await api.CreateIntegrationAsync(Slug);
        await api.CreateIntegrationAsync(SourceSlug, FakeSource.Name);
        await api.CreateIntegrationAsync(ReconcileSlug, FakeDestinationGateway.Name);
        (await api.IngestAsync(Slug, "INV-1")).ShouldBe(1, "the examples name record 1");
        factory.Gateway.FailNextFor("INV-1", ErrorClass.Validation, "Customer is missing", 422);
        await api.IngestAsync(Slug, "INV-2");
        factory.Gateway.FailNextFor("INV-2", ErrorClass.Validation, "Tax code is unknown", 422);
        await api.IngestAsync(Slug, "INV-3");
        factory.Gateway.FailNextFor("INV-3", ErrorClass.Validation, "Account is closed", 422);
        var edit = await api.IngestAsync(Slug, "INV-4");
        factory.Gateway.FailNextFor("INV-4", ErrorClass.Validation, "Amount must not be negative", 422);
        foreach (var member in new[] { "CUST-A", "CUST-B" })
        {
            using var ingested = await api.PostJsonAsync($"/api/v1/integrations/{Slug}/records",
                $$"""{"entityType": "customer", "sourceId": "{{member}}", "payload": {"name": "Ann Lee", "email": "ann@example.com"} }""");
            ingested.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            factory.Gateway.AnswerNextFor(member, DeliveryOutcome.PotentialDuplicate("Two customers share this email.", Candidates, 200));
        }

        await factory.DeliverPendingAsync();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var fingerprints = await db.Records.AsNoTracking().Where(r => r.SourceId == "INV-2" || r.SourceId == "INV-3")
            .OrderBy(r => r.SourceId).Select(r => r.ErrorFingerprint).ToListAsync();
        var reviews = await db.DuplicateReviews.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        reviews.Count.ShouldBe(2);
        var integration = await db.Integrations.AsNoTracking().SingleAsync(i => i.Slug == Slug);
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var alert = new Alert
        {
            Rule = "server-errors", Subject = Slug, IntegrationId = integration.Id, Status = AlertStatus.Open,
            Title = "5xx errors", Detail = "6 server errors in 5 minutes", OpenedAt = now, UpdatedAt = now,
        };
        db.Alerts.Add(alert);
        await factory.Services.SaveThroughGateAsync(db);
        return new ContractState
        {
            RetryGroup = fingerprints[0]!, DismissGroup = fingerprints[1]!, EditRecordId = edit, MergeReviewId = reviews[0], KeepApartReviewId = reviews[1],
            AlertId = alert.Id,
        };
    }
}
