namespace SyncHub.Web.Pages.Notifications;

/// <summary>What the "Send test" button reports for one channel.</summary>
public sealed record TestResultView(int ChannelId, bool Succeeded, string Message);
