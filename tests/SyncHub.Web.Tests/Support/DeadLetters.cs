using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.TestUtils;

namespace SyncHub.Web.Tests.Support;

/// <summary>Dead letters and the audit log, for the Dead Letter and Archived tabs.</summary>
internal static class DeadLetters
{
    /// <summary>An integration without automatic retries: a record whose first delivery fails goes straight to the dead-letter queue.</summary>
    public static async Task<long[]> DeadLetterRecordsAsync(this SyncHubWebFactory factory, HttpClient api, string slug, int count, string message = "Service unavailable")
    {
        await api.CreateIntegrationAsync(slug, retry: """{"maxAutomaticAttempts": 0}""");
        return await factory.FailedRecordsAsync(api, slug, count, message);
    }

    public static async Task<List<AuditEntry>> AuditForAsync(this SyncHubWebFactory factory, long recordId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        var target = $"record {recordId}";
        return await db.AuditLog.AsNoTracking().Where(a => a.Target == target).OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<SyncRecord> RecordAsync(this SyncHubWebFactory factory, long recordId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<SyncHubDbContext>>().CreateDbContextAsync();
        return await db.Records.AsNoTracking().SingleAsync(r => r.Id == recordId);
    }
}
