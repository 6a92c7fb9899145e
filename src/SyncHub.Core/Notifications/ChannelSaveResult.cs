namespace SyncHub.Core.Notifications;

/// <summary>The saved channel's id, or the problems per form field (camelCase names of <see cref="ChannelRequest"/>).</summary>
public sealed record ChannelSaveResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Id is not null;
}
