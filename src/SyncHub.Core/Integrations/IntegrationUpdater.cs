using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Plugins;
using SyncHub.Core.Validation;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Integrations;

/// <summary>
/// Saves the connection form of an existing integration. Nothing is written when anything is invalid.
/// Changed settings are audited by name; an expired connection whose settings changed counts as re-authorised.
/// </summary>
public sealed class IntegrationUpdater(
    IDbContextFactory<SyncHubDbContext> dbFactory, IConnectorCatalog catalog, SettingsProtector settings, StoredSettingsReader stored, WriteGate writes,
    TimeProvider time)
{
    /// <returns>Null when saved, otherwise the validation errors.</returns>
    public async Task<FieldErrors?> UpdateAsync(string slug, UpdateIntegrationRequest request, string actor, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        var integration = await db.Integrations.SingleOrDefaultAsync(i => i.Slug == slug, cancellationToken);
        if (integration is null)
        {
            errors.Add("integration", "does not exist.");
            return errors;
        }

        var fields = catalog.Find(integration.Connector)?.Info.Settings ?? [];
        var before = stored.Read(integration);
        var after = SettingsBuilder.Build(fields, request.Settings, before, errors);
        SettingsRules.Validate(errors, fields, after);
        TextRules.Required(errors, "name", request.Name, 200);
        RetryPolicyRules.Validate(errors, request.Retry);
        var fixes = AutoFixRules.Normalize(errors, request.AutoFixes);
        if (!errors.IsEmpty)
        {
            return errors;
        }

        var changed = SettingsChanges.Names(before, after);
        integration.Name = request.Name!.Trim();
        var policy = RetryPolicyRules.ToPolicy(request.Retry);
        (integration.Retry.BaseDelaySeconds, integration.Retry.Factor, integration.Retry.MaxDelaySeconds, integration.Retry.MaxAutomaticAttempts) =
            (policy.BaseDelaySeconds, policy.Factor, policy.MaxDelaySeconds, policy.MaxAutomaticAttempts);
        integration.DuplicateDetection = request.DuplicateDetection;
        integration.AutoFixes = fixes;
        if (changed.Count > 0)
        {
            integration.SettingsJson = settings.Protect(after.ToJsonString());
            if (integration.ConnectionState == ConnectionState.Expired)
            {
                integration.ConnectionState = ConnectionState.Healthy;
                integration.ConnectionNote = null;
            }
        }

        db.AuditLog.Add(IntegrationAudit.Entry(time.GetUtcNow(), actor, IntegrationAuditActions.Update, slug,
            $"settings changed: {(changed.Count == 0 ? "none" : string.Join(", ", changed))}; retry {integration.Retry.BaseDelaySeconds} s ×{integration.Retry.Factor} " +
            $"up to {integration.Retry.MaxDelaySeconds} s, {integration.Retry.MaxAutomaticAttempts} attempts; duplicate detection {integration.DuplicateDetection}; auto-fixes {(fixes.Length == 0 ? "none" : fixes)}"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
