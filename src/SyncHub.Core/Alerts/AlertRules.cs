using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Validation;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts;

/// <summary>The registered rules with their effective settings; administrators change them here (validated, audited).</summary>
public sealed class AlertRules(IEnumerable<IAlertRule> rules, IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, TimeProvider time)
{
    private const int MaxWindowMinutes = 7 * 24 * 60;

    public IReadOnlyList<IAlertRule> All { get; } = [.. rules];

    public async Task<IReadOnlyList<AlertRuleState>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, cancellationToken);
    }

    public async Task<IReadOnlyList<AlertRuleState>> ListAsync(SyncHubDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.AlertRules.AsNoTracking().ToDictionaryAsync(r => r.Rule, cancellationToken);
        return [.. All.Select(rule => rows.TryGetValue(rule.Key, out var row)
            ? new AlertRuleState(rule, row.Enabled, row.Threshold, row.WindowMinutes)
            : new AlertRuleState(rule, true, rule.DefaultThreshold, rule.DefaultWindowMinutes))];
    }

    public static FieldErrors Validate(AlertRuleSettingRequest request)
    {
        var errors = new FieldErrors();
        if (double.IsNaN(request.Threshold) || double.IsInfinity(request.Threshold) || request.Threshold <= 0 || request.Threshold > 1_000_000)
        {
            errors.Add("threshold", "must be a number above 0 and at most 1,000,000.");
        }

        if (request.WindowMinutes is < 1 or > MaxWindowMinutes)
        {
            errors.Add("windowMinutes", $"must be between 1 and {MaxWindowMinutes} minutes (seven days).");
        }

        return errors;
    }

    /// <returns>Null when saved, otherwise the errors (nothing changed).</returns>
    public async Task<FieldErrors?> SaveAsync(AlertRuleSettingRequest request, string actor, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (All.All(r => r.Key != request.Rule))
        {
            errors.Add("rule", "is not a known alert rule.");
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        var row = await db.AlertRules.SingleOrDefaultAsync(r => r.Rule == request.Rule, cancellationToken);
        if (row is null)
        {
            row = new AlertRuleSetting { Rule = request.Rule };
            db.AlertRules.Add(row);
        }

        row.Enabled = request.Enabled;
        row.Threshold = request.Threshold;
        row.WindowMinutes = request.WindowMinutes;
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = AlertAuditActions.RuleUpdate,
            Target = "alert rule " + request.Rule,
            Detail = FormattableString.Invariant($"enabled {request.Enabled}; threshold {request.Threshold}; window {request.WindowMinutes} min"),
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
