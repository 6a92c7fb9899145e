using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Alerts;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Core.Tests.Alerts;

/// <summary>Writes sync-log entries and record states straight into the store, so each rule sees exactly the pattern a test wants.</summary>
internal static class AlertTestData
{
    public static async Task AddAttemptsAsync(
        this EngineHarness harness, Integration integration, int count, ErrorClass? errorClass = null, int? httpStatus = null, TimeSpan? ago = null)
    {
        var recordId = await harness.IngestAsync(integration.Slug, $"ATT-{Guid.NewGuid():N}");
        var at = harness.Time.GetUtcNow() - (ago ?? TimeSpan.FromSeconds(30));
        await harness.WriteAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.Attempts.Add(new SyncAttempt
                {
                    RecordId = recordId,
                    IntegrationId = integration.Id,
                    Status = errorClass is null ? AttemptStatus.Succeeded : AttemptStatus.Failed,
                    ErrorClass = errorClass,
                    HttpStatus = httpStatus,
                    StartedAt = at,
                    FinishedAt = at,
                });
            }

            await db.SaveChangesAsync();
        });
    }

    public static async Task AddDeadLettersAsync(this EngineHarness harness, Integration integration, int count, TimeSpan ago)
    {
        for (var i = 0; i < count; i++)
        {
            var id = await harness.IngestAsync(integration.Slug, $"DLQ-{Guid.NewGuid():N}");
            var at = harness.Time.GetUtcNow() - ago;
            await using var db = await harness.Db();
            await TestRecords.UpdateAsync(harness.Get<WriteGate>(), db, db.Records.Where(r => r.Id == id), s => s
                .SetProperty(r => r.Status, RecordStatus.DeadLetter).SetProperty(r => r.DeadLetteredAt, at).SetProperty(r => r.NextAttemptAt, (DateTimeOffset?)null));
        }
    }

    public static async Task<SyncHubDbContext> Db(this EngineHarness harness) =>
        await harness.Get<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();

    public static Task EvaluateAsync(this EngineHarness harness) => harness.Get<AlertEvaluator>().EvaluateAsync(CancellationToken.None);

    public static async Task<List<Alert>> AlertsAsync(this EngineHarness harness, string rule)
    {
        await using var db = await harness.Db();
        return await db.Alerts.AsNoTracking().Where(a => a.Rule == rule).OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<List<Alert>> OpenAlertsAsync(this EngineHarness harness, string rule) =>
        [.. (await harness.AlertsAsync(rule)).Where(a => a.Status == AlertStatus.Open)];
}
