using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Data;

namespace SyncHub.Core.Plugins;

/// <summary>
/// Where connectors keep credentials the destination rotates (OAuth refresh tokens): merged into the
/// integration's settings and encrypted like the rest. Values are never logged.
/// </summary>
internal sealed class IntegrationCredentialStore(IDbContextFactory<SyncHubDbContext> dbFactory, SettingsProtector protector, WriteGate writes) : ICredentialStore
{
    private const int MaxValues = 20;
    private const int MaxValueLength = 8192;

    public async Task SaveAsync(string integrationSlug, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (values.Count is 0 or > MaxValues || values.Any(v => string.IsNullOrWhiteSpace(v.Key) || v.Value is null || v.Value.Length > MaxValueLength))
        {
            throw new ArgumentException($"Save between 1 and {MaxValues} named values of at most {MaxValueLength} characters.", nameof(values));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var gate = await writes.EnterAsync(cancellationToken);
        var integration = await db.Integrations.SingleOrDefaultAsync(i => i.Slug == integrationSlug, cancellationToken)
            ?? throw new InvalidOperationException($"There is no integration '{integrationSlug}'.");
        var settings = JsonNode.Parse(protector.Read(integration.SettingsJson).Root.GetRawText())!.AsObject();
        foreach (var (name, value) in values)
        {
            settings[name] = value;
        }

        integration.SettingsJson = protector.Protect(settings.ToJsonString());
        await db.SaveChangesAsync(cancellationToken);
    }
}
