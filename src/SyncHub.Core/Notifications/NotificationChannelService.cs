using Microsoft.EntityFrameworkCore;
using SyncHub.Core.Audit;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>Creates, changes and deletes channels (secrets merged write-only, stored encrypted), each audited by name, never by secret.</summary>
public sealed class NotificationChannelService(
    IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, ChannelSettingsProtector protector, IAuditLog audit, TimeProvider time)
{
    public async Task<ChannelSaveResult> SaveAsync(ChannelRequest request, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = request.Id is { } id ? await db.NotificationChannels.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        if (request.Id is not null && channel is null)
        {
            return new ChannelSaveResult(null, new Dictionary<string, string> { ["name"] = "That channel no longer exists." });
        }

        var stored = channel is null ? new ChannelSettings() : protector.Read(channel.SettingsJson);
        var merged = Merge(request, stored);
        var now = time.GetUtcNow();
        var errors = ChannelRules.Check(request, merged, now);
        var name = request.Name?.Trim() ?? "";
        if (!errors.ContainsKey("name") && await db.NotificationChannels.AnyAsync(c => c.Name == name && c.Id != (request.Id ?? 0), cancellationToken))
        {
            errors["name"] = "Another channel has that name.";
        }

        if (errors.Count > 0)
        {
            return new ChannelSaveResult(null, errors);
        }

        var created = channel is null;
        channel ??= db.NotificationChannels.Add(new NotificationChannel { Name = name, CreatedAt = now }).Entity;
        channel.Name = name;
        channel.Kind = request.Kind;
        channel.Enabled = request.Enabled;
        channel.Events = request.Events & NotificationEventKinds.All;
        channel.ThrottleMinutes = request.ThrottleMinutes;
        channel.SubjectTemplate = Blank(request.SubjectTemplate);
        channel.BodyTemplate = Blank(request.BodyTemplate);
        channel.SettingsJson = protector.Protect(merged);
        channel.UpdatedAt = now;
        await writes.RunAsync(db.SaveChangesAsync, cancellationToken);

        var changedSecrets = new List<string>();
        if (!string.IsNullOrEmpty(request.Url) && request.Url != stored.Url)
        {
            changedSecrets.Add("url");
        }

        if (!string.IsNullOrEmpty(request.Password) || (request.ClearPassword && stored.Password is not null))
        {
            changedSecrets.Add("password");
        }

        var detail = $"{channel.Kind}, {(channel.Enabled ? "on" : "off")}, events {channel.Events}, throttle {channel.ThrottleMinutes} min"
            + (changedSecrets.Count > 0 ? "; changed secrets: " + string.Join(", ", changedSecrets) : "");
        await audit.WriteAsync(actor, created ? NotificationAuditActions.Create : NotificationAuditActions.Update,
            NotificationAuditActions.Target(channel.Id, channel.Name), detail, cancellationToken);
        return new ChannelSaveResult(channel.Id, new Dictionary<string, string>());
    }

    public async Task<bool> DeleteAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var channel = await db.NotificationChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (channel is null)
        {
            return false;
        }

        await writes.RunAsync(
            async token =>
            {
                await db.Notifications.Where(n => n.ChannelId == id).ExecuteDeleteAsync(token);
                await db.NotificationChannels.Where(c => c.Id == id).ExecuteDeleteAsync(token);
            },
            cancellationToken);

        await audit.WriteAsync(actor, NotificationAuditActions.Delete, NotificationAuditActions.Target(channel.Id, channel.Name), channel.Kind.ToString(), cancellationToken);
        return true;
    }

    /// <summary>The stored settings without secrets, to fill the edit form.</summary>
    public ChannelSettings ReadPublic(NotificationChannel channel) => protector.Read(channel.SettingsJson) with { Url = null, Password = null };

    /// <summary>Whether a secret is stored, so the form can say "stored" without showing it.</summary>
    public (bool Url, bool Password) StoredSecrets(NotificationChannel channel)
    {
        var settings = protector.Read(channel.SettingsJson);
        return (!string.IsNullOrEmpty(settings.Url), !string.IsNullOrEmpty(settings.Password));
    }

    public string MaskedUrl(NotificationChannel channel) => ChannelSettingsProtector.MaskUrl(protector.Read(channel.SettingsJson).Url);

    private static ChannelSettings Merge(ChannelRequest request, ChannelSettings stored) => new()
    {
        Url = string.IsNullOrWhiteSpace(request.Url) ? stored.Url : request.Url.Trim(),
        Host = request.Host?.Trim(),
        Port = request.Port,
        Security = request.Security,
        Username = Blank(request.Username?.Trim()),
        Password = request.ClearPassword ? null : string.IsNullOrEmpty(request.Password) ? stored.Password : request.Password,
        From = request.From?.Trim(),
        To = ChannelRules.Recipients(request.To),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
