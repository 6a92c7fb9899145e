namespace SyncHub.Core.Notifications;

/// <summary>
/// How the engine reports events to administrators. Notify only records the event in memory: it does no I/O, never
/// throws and never waits, so a slow or broken channel cannot hold up a delivery, a run or an alert evaluation.
/// </summary>
public interface INotifier
{
    void Notify(NotificationEvent notification);
}
