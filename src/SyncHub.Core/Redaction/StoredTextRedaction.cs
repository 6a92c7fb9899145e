using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Integrations;
using SyncHub.Core.Plugins;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Redaction;

/// <summary>
/// Once per database, at start-up: cuts credentials out of provider text stored before SyncHub redacted it on the
/// way in (records, the sync log, runs, notifications, alerts, reviews, connection notes). A migration cannot do
/// this, since SQLite has no regular expressions and neither store can decrypt the settings that say which values
/// are secret. An audit entry marks the pass done; it is written only when every integration's connector was loaded
/// (else its secrets are unknown), so an unfinished or partial pass simply runs again at the next start. Redacting
/// redacted text changes nothing, so running it again is harmless.
/// </summary>
public sealed partial class StoredTextRedaction(
    IDbContextFactory<SyncHubDbContext> dbFactory, IConnectorCatalog catalog, SettingsProtector protector, WriteGate writes, TimeProvider time,
    ILogger<StoredTextRedaction> logger)
{
    /// <returns>How many rows changed (0 when the pass was done before or there is nothing to redact).</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<Integration> integrations;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.AuditLog.AnyAsync(a => a.Action == RedactionAuditActions.StoredTextRedacted, cancellationToken))
            {
                return 0;
            }

            // Without integrations there are no records, runs or notes yet; new text is redacted as it arrives.
            integrations = await db.Integrations.AsNoTracking().ToListAsync(cancellationToken);
            if (integrations.Count == 0)
            {
                return 0;
            }
        }

        var secrets = new List<string>();
        var unknown = new List<string>();
        foreach (var integration in integrations)
        {
            if (catalog.Find(integration.Connector) is not { } gateway)
            {
                unknown.Add(integration.Slug);
                continue;
            }

            try
            {
                secrets.AddRange(ProviderTextRedactor.SecretsOf(gateway.Info.Settings, protector.Read(integration.SettingsJson)));
            }
            catch (CryptographicException)
            {
                // The keys are gone: these settings can never be read, by this pass or by anything else.
            }
        }

        LogStarted(integrations.Count);
        var changed = await new StoredTextPasses(dbFactory, writes, new ProviderTextRedactor(secrets)).RunAsync(cancellationToken);
        if (unknown.Count > 0)
        {
            LogPartial(changed, string.Join(", ", unknown));
            return changed;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.AuditLog.Add(new AuditEntry
            {
                At = time.GetUtcNow(),
                Actor = "system",
                Action = RedactionAuditActions.StoredTextRedacted,
                Target = "stored provider messages",
                Detail = $"{changed} stored texts had credentials removed.",
            });
            await writes.RunAsync(db.SaveChangesAsync, cancellationToken);
        }

        LogFinished(changed);
        return changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removing credentials from provider messages stored before they were redacted ({Integrations} integrations)")]
    private partial void LogStarted(int integrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed credentials from {Changed} stored texts")]
    private partial void LogFinished(int changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed credentials from {Changed} stored texts; the connectors of {Integrations} are not loaded, so their secret values were not searched for; this runs again at the next start")]
    private partial void LogPartial(int changed, string integrations);
}
