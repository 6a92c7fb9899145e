using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Pacing;

namespace SyncHub.Core.Tests.Pacing;

/// <summary>Calls stay inside declared limits: in flight, per minute (waiting on the clock), per day (pausing the integration).</summary>
public sealed class RatePacerTests
{
    private static readonly ConnectorSettings TenantA = ConnectorSettings.Parse("""{"tenantId": "A"}""");
    private static readonly ConnectorSettings TenantB = ConnectorSettings.Parse("""{"tenantId": "B"}""");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly ConnectionPauses _pauses;
    private readonly RatePacer _pacer;

    public RatePacerTests()
    {
        _pauses = new ConnectionPauses(_time);
        _pacer = new RatePacer(_pauses, _time);
    }

    [Fact]
    public async Task PerMinute_TheNextCallWaitsForTheWindow()
    {
        var limits = new ConnectorRateLimits { PerMinute = 2 };
        (await AcquireAsync(limits)).Dispose();
        (await AcquireAsync(limits)).Dispose();

        var third = AcquireAsync(limits);
        await Task.Yield();
        third.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromSeconds(61));
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).RefusedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task MaxConcurrent_TheNextCallWaitsForAFreeSlot()
    {
        var limits = new ConnectorRateLimits { MaxConcurrent = 1 };
        var first = await AcquireAsync(limits);

        var second = AcquireAsync(limits);
        await Task.Yield();
        second.IsCompleted.ShouldBeFalse();

        first.Dispose();
        using var lease = await second.WaitAsync(TimeSpan.FromSeconds(10));
        lease.RefusedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task PerDay_TheLastSlotPausesTheIntegration_UntilMidnightUtc()
    {
        var limits = new ConnectorRateLimits { PerDay = 2 };
        (await AcquireAsync(limits)).RefusedUntil.ShouldBeNull();
        (await AcquireAsync(limits)).RefusedUntil.ShouldBeNull();

        var midnight = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
        _pauses.For(7).ShouldNotBeNull().Until.ShouldBe(midnight);
        (await AcquireAsync(limits)).RefusedUntil.ShouldBe(midnight);

        _time.SetUtcNow(midnight.AddSeconds(1));
        _pauses.For(7).ShouldBeNull();
        (await AcquireAsync(limits)).RefusedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task OneTenant_SharesOneBudget_AnotherTenantHasItsOwn()
    {
        var limits = new ConnectorRateLimits { PerMinute = 1, PartitionSetting = "tenantId" };
        (await _pacer.AcquireAsync("xero", "books-1", 1, limits, TenantA, CancellationToken.None)).Dispose();

        var sameTenant = _pacer.AcquireAsync("xero", "books-2", 2, limits, TenantA, CancellationToken.None);
        var otherTenant = _pacer.AcquireAsync("xero", "books-3", 3, limits, TenantB, CancellationToken.None);
        await Task.Yield();

        otherTenant.IsCompleted.ShouldBeTrue();
        sameTenant.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromMinutes(1));
        (await sameTenant.WaitAsync(TimeSpan.FromSeconds(10))).RefusedUntil.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(NoLimits))]
    public async Task NoLimits_EveryCallGoesOutAtOnceWithoutPausing(ConnectorRateLimits? limits)
    {
        for (var i = 0; i < 1000; i++)
        {
            var acquiring = _pacer.AcquireAsync("webhook", "hook", 1, limits, ConnectorSettings.Empty, CancellationToken.None);

            // Completed synchronously, without the clock moving: nothing waited for a slot or a window.
            acquiring.IsCompletedSuccessfully.ShouldBeTrue($"call {i} waited");
            using var lease = await acquiring;
            lease.RefusedUntil.ShouldBeNull();
        }

        _pauses.For(1).ShouldBeNull();
    }

    public static TheoryData<ConnectorRateLimits?> NoLimits() => new() { null, new ConnectorRateLimits() };

    private Task<PaceLease> AcquireAsync(ConnectorRateLimits limits) =>
        _pacer.AcquireAsync("xero", "books", 7, limits, TenantA, CancellationToken.None);
}
