using Microsoft.Extensions.Time.Testing;

namespace SyncHub.Connectors.Tests.Xero;

internal static class XeroClock
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
