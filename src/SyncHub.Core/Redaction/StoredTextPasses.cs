using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Failures.Groups;
using SyncHub.Data;

namespace SyncHub.Core.Redaction;

/// <summary>
/// One pass of the redactor over every stored column that may hold a provider's text, a batch at a time in id
/// order. Records are read as a projection (their payloads stay on disk) and their texts written with one UPDATE of
/// the text columns each, which leaves status, queue and counts alone; the other tables are small rows saved as tracked.
/// </summary>
internal sealed class StoredTextPasses(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, ProviderTextRedactor redactor)
{
    public const int BatchSize = 500;

    /// <summary>Redacts every table; returns how many rows changed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var changed = await RecordsAsync(cancellationToken);
        changed += await TrackedAsync((db, after) => db.Attempts.Where(a => a.Id > after && a.Message != null).OrderBy(a => a.Id), a => a.Id,
            a => Swap(a.Message, v => a.Message = v), cancellationToken);
        changed += await TrackedAsync((db, after) => db.Runs.Where(r => r.Id > after && r.Note != null).OrderBy(r => r.Id), r => r.Id,
            r => Swap(r.Note, v => r.Note = v), cancellationToken);
        changed += await TrackedAsync((db, after) => db.Notifications.Where(n => n.Id > after).OrderBy(n => n.Id), n => n.Id,
            n => Swap(n.Subject, v => n.Subject = v!) | Swap(n.Body, v => n.Body = v!) | Swap(n.LastError, v => n.LastError = v), cancellationToken);
        changed += await TrackedAsync((db, after) => db.Alerts.Where(a => a.Id > after).OrderBy(a => a.Id), a => a.Id,
            a => Swap(a.Title, v => a.Title = v!) | Swap(a.Detail, v => a.Detail = v), cancellationToken);
        changed += await TrackedAsync((db, after) => db.DuplicateReviews.Where(r => r.Id > after).OrderBy(r => r.Id), r => r.Id,
            r => Swap(r.CandidatesJson, v => r.CandidatesJson = v!) | Swap(r.Outcome, v => r.Outcome = v), cancellationToken);
        changed += await TrackedAsync((db, after) => db.Integrations.Where(i => i.Id > after && i.ConnectionNote != null).OrderBy(i => i.Id), i => i.Id,
            i => Swap(i.ConnectionNote, v => i.ConnectionNote = v), cancellationToken);
        changed += await TrackedAsync((db, after) => db.NotificationChannels.Where(c => c.Id > after && c.LastError != null).OrderBy(c => c.Id), c => c.Id,
            c => Swap(c.LastError, v => c.LastError = v), cancellationToken);

        return changed + await OperationsAsync(cancellationToken);
    }

    // Few rows (one per Retry All), keyed by GUID: one read.
    private async Task<int> OperationsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dirty = (await db.RetryOperations.Where(o => o.Message != null).ToListAsync(cancellationToken)).Count(o => Swap(o.Message, v => o.Message = v));
        if (dirty > 0)
        {
            await writes.RunAsync(db.SaveChangesAsync, cancellationToken);
        }

        return dirty;
    }

    private async Task<int> RecordsAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        long after = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await db.Records.AsNoTracking()
                .Where(r => r.Id > after && (r.LastErrorMessage != null || r.FieldProblemsJson != null || r.ResolutionNote != null))
                .OrderBy(r => r.Id).Take(BatchSize)
                .Select(r => new { r.Id, r.IntegrationId, r.LastErrorClass, r.LastErrorMessage, r.FieldProblemsJson, r.ResolutionNote, Grouped = r.ErrorFingerprint != null })
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return changed;
            }

            using var gate = await writes.EnterAsync(cancellationToken);
            foreach (var row in rows)
            {
                var (message, problems, note) = (redactor.RedactOrNull(row.LastErrorMessage), redactor.RedactOrNull(row.FieldProblemsJson), redactor.RedactOrNull(row.ResolutionNote));
                if (message == row.LastErrorMessage && problems == row.FieldProblemsJson && note == row.ResolutionNote)
                {
                    continue;
                }

                // The failure group follows the message, as it does when the orchestrator writes a failure.
                var fingerprint = row.Grouped ? ErrorFingerprint.For(row.IntegrationId, row.LastErrorClass, message) : null;
                // Only if the texts are still those read: a node delivering meanwhile has written newer, already redacted ones.
                await db.Records.Where(r => r.Id == row.Id && r.LastErrorMessage == row.LastErrorMessage
                        && r.FieldProblemsJson == row.FieldProblemsJson && r.ResolutionNote == row.ResolutionNote)
                    .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.LastErrorMessage, message).SetProperty(r => r.FieldProblemsJson, problems)
                        .SetProperty(r => r.ResolutionNote, note).SetProperty(r => r.ErrorFingerprint, fingerprint),
                    cancellationToken);
                changed++;
            }

            after = rows[^1].Id;
        }
    }

    private async Task<int> TrackedAsync<T>(
        Func<SyncHubDbContext, long, IQueryable<T>> page, Func<T, long> idOf, Func<T, bool> redact, CancellationToken cancellationToken)
        where T : class
    {
        var changed = 0;
        long after = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await page(db, after).Take(BatchSize).ToListAsync(cancellationToken);
            var dirty = rows.Count(redact);
            if (dirty > 0)
            {
                await writes.RunAsync(db.SaveChangesAsync, cancellationToken);
                changed += dirty;
            }

            if (rows.Count < BatchSize)
            {
                return changed;
            }

            after = idOf(rows[^1]);
        }
    }

    private bool Swap(string? text, Action<string?> set)
    {
        var redacted = redactor.RedactOrNull(text);
        if (redacted == text)
        {
            return false;
        }

        set(redacted);
        return true;
    }
}
