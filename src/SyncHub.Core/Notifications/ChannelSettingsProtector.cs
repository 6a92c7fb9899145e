using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace SyncHub.Core.Notifications;

/// <summary>Encrypts a channel's settings with Data Protection (a purpose of their own) before they are stored.</summary>
public sealed class ChannelSettingsProtector(IDataProtectionProvider provider)
{
    private const string Marker = "dp1:";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector _protector = provider.CreateProtector("SyncHub.NotificationChannels.v1");

    public string Protect(ChannelSettings settings) => Marker + _protector.Protect(JsonSerializer.Serialize(settings, Json));

    /// <summary>The settings; fails with a CryptographicException when the key ring is gone.</summary>
    public ChannelSettings Read(string stored)
    {
        var json = stored.StartsWith(Marker, StringComparison.Ordinal) ? _protector.Unprotect(stored[Marker.Length..]) : stored;
        return JsonSerializer.Deserialize<ChannelSettings>(json, Json) ?? new ChannelSettings();
    }

    /// <summary>A webhook address as the page shows it: scheme and host only, since the path often is the token.</summary>
    public static string MaskUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/…" : "(not set)";
}
