using System.Diagnostics;

namespace SyncHub.Core.Delivery.Completing;

/// <summary>An attempt's activity made current, with its log scope; disposing ends the scope and restores the previous activity.</summary>
internal readonly struct AttemptContext(Activity? previous, IDisposable? scope) : IDisposable
{
    public void Dispose()
    {
        scope?.Dispose();
        Activity.Current = previous;
    }
}
