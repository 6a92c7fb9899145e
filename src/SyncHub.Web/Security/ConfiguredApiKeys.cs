using Microsoft.Extensions.Primitives;
using SyncHub.Core.ApiKeys;

namespace SyncHub.Web.Security;

/// <summary>
/// The API keys from configuration (<c>SyncHub:ApiKeys</c>, an array), read once and again only when configuration
/// reloads. Binding the section on every API call was a measurable share of each ingest request's CPU.
/// </summary>
public sealed class ConfiguredApiKeys : IDisposable
{
    public const string Section = "SyncHub:ApiKeys";

    private readonly IConfiguration _configuration;
    private readonly IDisposable _reload;
    private volatile string[] _keys;

    public ConfiguredApiKeys(IConfiguration configuration)
    {
        _configuration = configuration;
        _keys = Read();
        _reload = ChangeToken.OnChange(configuration.GetReloadToken, () => _keys = Read());
    }

    public int Count => _keys.Length;

    /// <summary>True when the presented key is one of them, compared in constant time against every key.</summary>
    public bool Contains(string presented)
    {
        var matched = false;
        foreach (var key in _keys)
        {
            matched |= ApiKeyHasher.FixedTimeEquals(presented, key);
        }

        return matched;
    }

    public void Dispose() => _reload.Dispose();

    private string[] Read() =>
        [.. (_configuration.GetSection(Section).Get<string[]>() ?? []).Where(k => !string.IsNullOrWhiteSpace(k))];
}
