using Microsoft.EntityFrameworkCore;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts;

/// <summary>
/// An operator says "I am on it": the open alert keeps counting and still resolves itself, and shows who took it
/// and when. The change and its audit entry are one save; acknowledging twice keeps the first.
/// </summary>
public sealed class AlertAcknowledgement(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time)
{
    public const int MaxNoteLength = 500;
    private const int MaxActorLength = 256;

    public async Task<AcknowledgeResult> AcknowledgeAsync(long id, string actor, string? note, CancellationToken cancellationToken)
    {
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed is { Length: > MaxNoteLength })
        {
            return new AcknowledgeResult(AcknowledgeOutcome.Invalid, null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var outcome = alert switch
        {
            null => AcknowledgeOutcome.NotFound,
            { Status: AlertStatus.Resolved } => AcknowledgeOutcome.Resolved,
            { AcknowledgedAt: not null } => AcknowledgeOutcome.AlreadyAcknowledged,
            _ => AcknowledgeOutcome.Acknowledged,
        };
        if (outcome != AcknowledgeOutcome.Acknowledged)
        {
            return new AcknowledgeResult(outcome, alert);
        }

        var now = time.GetUtcNow();
        var by = actor.Length > MaxActorLength ? actor[..MaxActorLength] : actor;
        alert!.AcknowledgedAt = now;
        alert.AcknowledgedBy = by;
        alert.AcknowledgeNote = trimmed;
        db.AuditLog.Add(new AuditEntry
        {
            At = now,
            Actor = by,
            Action = AlertAuditActions.Acknowledge,
            Target = AlertAuditActions.Target(alert.Id),
            Detail = alert.Title + (trimmed is null ? "" : ": " + trimmed),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new AcknowledgeResult(outcome, alert);
    }
}
