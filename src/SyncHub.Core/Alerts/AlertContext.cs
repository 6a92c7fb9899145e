using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Alerts;

/// <summary>What a rule evaluates against: the store, the time, its effective setting and the integrations (loaded once).</summary>
public sealed record AlertContext(SyncHubDbContext Db, DateTimeOffset Now, AlertRuleState Setting, IReadOnlyList<Integration> Integrations)
{
    public DateTimeOffset WindowStart => Now - Setting.Window;

    public Integration? Find(int integrationId) => Integrations.FirstOrDefault(i => i.Id == integrationId);
}
