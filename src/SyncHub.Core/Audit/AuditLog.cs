using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Audit;

internal sealed class AuditLog(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time) : IAuditLog
{
    public async Task WriteAsync(string actor, string action, string target, string? detail, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = Clip(actor, 256) ?? "unknown",
            Action = action,
            Target = Clip(target, 200) ?? "",
            Detail = Clip(detail, 1000),
        });
        await writes.RunAsync(db.SaveChangesAsync, cancellationToken);
    }

    // Actors and targets can be typed by anyone at the sign-in form: no control characters, bounded length.
    private static string? Clip(string? text, int length) =>
        text is null ? null : new string([.. text.Where(c => !char.IsControl(c)).Take(length)]);
}
