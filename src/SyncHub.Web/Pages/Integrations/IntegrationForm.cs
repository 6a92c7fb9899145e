using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Pages.Integrations;

/// <summary>The connection form: connector, settings, name and slug, retry policy, duplicate detection and fixes.</summary>
public sealed class IntegrationForm
{
    public string? Name { get; set; }

    public string? Slug { get; set; }

    public string? Connector { get; set; }

    /// <summary>Declared settings as typed (a checkbox that is missing means off).</summary>
    public Dictionary<string, string?> Settings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Secrets to remove.</summary>
    public List<string> ClearSecrets { get; set; } = [];

    /// <summary>Settings of a connector that declares no fields, as a JSON object.</summary>
    public string? SettingsJson { get; set; }

    public double? BaseDelaySeconds { get; set; }

    public double? Factor { get; set; }

    public double? MaxDelaySeconds { get; set; }

    public int? MaxAutomaticAttempts { get; set; }

    public bool DuplicateDetection { get; set; }

    public List<string> AutoFixes { get; set; } = [];

    public static IntegrationForm ForNew(ConnectorInfo? connector)
    {
        var policy = new RetryPolicy();
        var form = new IntegrationForm
        {
            Connector = connector?.Name,
            BaseDelaySeconds = policy.BaseDelaySeconds,
            Factor = policy.Factor,
            MaxDelaySeconds = policy.MaxDelaySeconds,
            MaxAutomaticAttempts = policy.MaxAutomaticAttempts,
            DuplicateDetection = true,
            AutoFixes = [.. AutoFixRules.All],
        };
        form.ApplyDefaults(connector);
        return form;
    }

    /// <summary>The form for an existing integration; secret values are never put into it.</summary>
    public static IntegrationForm From(Integration integration, ConnectorInfo? connector, JsonObject stored)
    {
        var form = new IntegrationForm
        {
            Name = integration.Name,
            Slug = integration.Slug,
            Connector = integration.Connector,
            BaseDelaySeconds = integration.Retry.BaseDelaySeconds,
            Factor = integration.Retry.Factor,
            MaxDelaySeconds = integration.Retry.MaxDelaySeconds,
            MaxAutomaticAttempts = integration.Retry.MaxAutomaticAttempts,
            DuplicateDetection = integration.DuplicateDetection,
            AutoFixes = [.. AutoFixRules.Parse(integration.AutoFixes)],
        };
        foreach (var field in connector?.Settings ?? [])
        {
            if (!field.Secret && stored[field.Name] is { } value)
            {
                form.Settings[field.Name] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            }
        }

        // A setting never saved shows the value the connector assumes for it.
        form.ApplyDefaults(connector);
        return form;
    }

    /// <summary>Declared defaults for fields the administrator has not filled in (new integrations only).</summary>
    public void ApplyDefaults(ConnectorInfo? connector)
    {
        foreach (var field in connector?.Settings ?? [])
        {
            if (field.Default is { } value && !field.Secret)
            {
                Settings.TryAdd(field.Name, value);
            }
        }
    }

    public SettingsInput ToSettingsInput() => new(Settings, ClearSecrets.ToHashSet(StringComparer.Ordinal), SettingsJson);

    public RetryPolicyRequest ToRetry() => new(BaseDelaySeconds, Factor, MaxDelaySeconds, MaxAutomaticAttempts);

    public UpdateIntegrationRequest ToUpdate() => new(Name, ToSettingsInput(), ToRetry(), DuplicateDetection, AutoFixes);

    /// <summary>The API-style key of a form property that failed to bind.</summary>
    public static string KeyFor(string property) => property switch
    {
        nameof(BaseDelaySeconds) => "retry.baseDelaySeconds",
        nameof(Factor) => "retry.factor",
        nameof(MaxDelaySeconds) => "retry.maxDelaySeconds",
        nameof(MaxAutomaticAttempts) => "retry.maxAutomaticAttempts",
        _ => char.ToLowerInvariant(property[0]) + property[1..],
    };
}
